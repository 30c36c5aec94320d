package cn.hrss.seal.application.online;

import cn.hrss.seal.application.verify.CertificateStatusPolicy;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.core.crypto.BouncyCastle;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Certificate status from the issuer's CRL: the URL from the certificate's CRL distribution points (or a configured
 * one), a CRL believed only when the issuer's signature verifies, its issuer is the certificate's issuer and it is
 * current (nextUpdate not past). The fallback when OCSP cannot answer ({@link #orElse}).
 */
public final class CrlRevocationSource implements RevocationSource {
    private static final int MAX_CRL_BYTES = 16 * 1024 * 1024;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Optional<URI> url;
    private final LimitedHttp http;
    private final Clock clock;

    /** @param url a fixed CRL URL, or empty to use each certificate's CRL distribution points */
    public CrlRevocationSource(Optional<URI> url, Duration timeout, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.http = new LimitedHttp(timeout, MAX_CRL_BYTES);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The first HTTP(S) URL among the certificate's CRL distribution points. */
    public static Optional<URI> distributionPointOf(X509CertificateHolder certificate) {
        CRLDistPoint points = CRLDistPoint.fromExtensions(certificate.getExtensions());
        if (points == null) {
            return Optional.empty();
        }
        for (DistributionPoint point : points.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                continue;
            }
            for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String uri = general.getName().toString();
                    if (uri.startsWith("http://") || uri.startsWith("https://")) {
                        return Optional.of(URI.create(uri));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code first}'s answer unless it could not give one (STATUS_UNAVAILABLE): then {@code fallback}'s. */
    public static RevocationSource orElse(RevocationSource first, RevocationSource fallback) {
        return (certificate, issuer, at) -> {
            CheckResult result = first.status(certificate, issuer, at);
            return CertificateStatusPolicy.STATUS_UNAVAILABLE.equals(result.code())
                    ? fallback.status(certificate, issuer, at) : result;
        };
    }

    @Override
    public CheckResult status(X509CertificateHolder certificate, X509CertificateHolder issuer, Instant at) {
        Optional<URI> location = url.or(() -> distributionPointOf(certificate));
        if (location.isEmpty()) {
            return CertificateStatusPolicy.unavailable(certificate, "no CRL distribution point");
        }
        String source = "CRL " + location.get().getHost();
        try {
            LimitedHttp.Answer answer = http.get(location.get());
            if (answer.status() != 200) {
                throw new OnlineException("answered HTTP " + answer.status());
            }
            X509CRLHolder crl = verified(answer.body(), issuer);
            X509CRLEntryHolder entry = crl.getRevokedCertificate(certificate.getSerialNumber());
            if (entry == null) {
                return CertificateStatusPolicy.good(certificate, at, source + " of " + crl.getThisUpdate().toInstant());
            }
            Extension reason = entry.getExtensions() == null ? null
                    : entry.getExtensions().getExtension(Extension.reasonCode);
            return CertificateStatusPolicy.revoked(certificate, entry.getRevocationDate().toInstant(),
                    Optional.ofNullable(reason).map(r -> CRLReason.getInstance(r.getParsedValue()).toString()), at,
                    source);
        } catch (OnlineException e) {
            return CertificateStatusPolicy.unavailable(certificate, source + ": " + e.getMessage());
        }
    }

    private X509CRLHolder verified(byte[] der, X509CertificateHolder issuer) throws OnlineException {
        X509CRLHolder crl;
        try {
            crl = new X509CRLHolder(der);
        } catch (Exception e) {
            throw new OnlineException("not a DER CRL", e);
        }
        if (!crl.getIssuer().equals(issuer.getSubject())) {
            throw new OnlineException("CRL of " + crl.getIssuer() + ", not of the certificate's issuer");
        }
        boolean signed;
        try {
            signed = crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(issuer));
        } catch (Exception e) {
            signed = false;
        }
        if (!signed) {
            throw new OnlineException("CRL signature does not verify with the issuer");
        }
        Instant now = clock.instant();
        if (crl.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))
                || crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now.minus(CLOCK_SKEW))) {
            throw new OnlineException("CRL is not current");
        }
        return crl;
    }
}
