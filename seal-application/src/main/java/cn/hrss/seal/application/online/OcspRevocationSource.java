package cn.hrss.seal.application.online;

import cn.hrss.seal.application.verify.CertificateStatusPolicy;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.core.crypto.BouncyCastle;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * Certificate status from an RFC 6960 responder: the URL from the certificate's AIA (id-ad-ocsp) or a configured
 * one, a request with an SM3 CertID and a nonce, and an answer believed only when its signature verifies with the
 * issuer itself or with a responder certificate the issuer signed for OCSP signing (so it chains to the trusted root
 * the path was built to), the nonce matches and it is fresh. Judged by {@link CertificateStatusPolicy}.
 */
public final class OcspRevocationSource implements RevocationSource {
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<URI> responder;
    private final LimitedHttp http;
    private final Clock clock;
    private final DigestCalculatorProvider digests;

    /** @param responder a fixed responder URL, or empty to use each certificate's AIA */
    public OcspRevocationSource(Optional<URI> responder, Duration timeout, Clock clock) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.http = new LimitedHttp(timeout, MAX_RESPONSE_BYTES);
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The responder named in the certificate's AIA extension, if any. */
    public static Optional<URI> responderOf(X509CertificateHolder certificate) {
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
        if (aia == null) {
            return Optional.empty();
        }
        for (AccessDescription description : aia.getAccessDescriptions()) {
            GeneralName location = description.getAccessLocation();
            if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
                    && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                try {
                    return Optional.of(URI.create(location.getName().toString()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public CheckResult status(X509CertificateHolder certificate, X509CertificateHolder issuer, Instant at) {
        Optional<URI> url = responder.or(() -> responderOf(certificate));
        if (url.isEmpty()) {
            return CertificateStatusPolicy.unavailable(certificate, "no OCSP responder known (no AIA)");
        }
        String source = "OCSP " + url.get().getHost();
        try {
            CertificateID id = new CertificateID(digests.get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)),
                    issuer, certificate.getSerialNumber());
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            OCSPReq request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(
                    new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(new DEROctetString(nonce))))).build();
            LimitedHttp.Answer answer = http.post(url.get(), "application/ocsp-request", request.getEncoded());
            if (answer.status() != 200) {
                throw new OnlineException("answered HTTP " + answer.status());
            }
            SingleResp single = verifiedResponse(answer.body(), id, issuer, nonce);
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return CertificateStatusPolicy.good(certificate, at, source);
            }
            if (status instanceof RevokedStatus revoked) {
                Optional<String> reason = revoked.hasRevocationReason()
                        ? Optional.of(reasonName(revoked.getRevocationReason())) : Optional.empty();
                return CertificateStatusPolicy.revoked(certificate, revoked.getRevocationTime().toInstant(), reason,
                        at, source);
            }
            if (status instanceof UnknownStatus) {
                return CertificateStatusPolicy.unknown(certificate, source);
            }
            throw new OnlineException("unsupported certificate status");
        } catch (OnlineException e) {
            return CertificateStatusPolicy.unavailable(certificate, source + ": " + e.getMessage());
        } catch (Exception e) {
            return CertificateStatusPolicy.unavailable(certificate, source + ": cannot build the request or read"
                    + " the answer: " + e.getMessage());
        }
    }

    private SingleResp verifiedResponse(byte[] der, CertificateID id, X509CertificateHolder issuer, byte[] nonce)
            throws OnlineException {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new OnlineException("responder status " + response.getStatus());
            }
            Object object = response.getResponseObject();
            if (!(object instanceof BasicOCSPResp b)) {
                throw new OnlineException("not a basic OCSP response");
            }
            basic = b;
        } catch (IOException | RuntimeException | OCSPException e) {
            throw new OnlineException("malformed OCSP response", e);
        }
        if (!signedByIssuerOrDelegate(basic, issuer)) {
            throw new OnlineException("response signature does not verify with the issuer or a responder the"
                    + " issuer delegated");
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null || !Arrays.equals(octets(echoed.getParsedValue()), nonce)) {
            throw new OnlineException("response does not echo our nonce (replayed?)");
        }
        Instant now = clock.instant();
        for (SingleResp single : basic.getResponses()) {
            if (single.getCertID().equals(id)) {
                if (single.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))
                        || single.getNextUpdate() != null
                        && single.getNextUpdate().toInstant().isBefore(now.minus(CLOCK_SKEW))) {
                    throw new OnlineException("response is not current");
                }
                return single;
            }
        }
        throw new OnlineException("response is about another certificate");
    }

    private static byte[] octets(ASN1Encodable value) {
        try {
            return DEROctetString.getInstance(value).getOctets();
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }

    private boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509CertificateHolder issuer) {
        if (verifies(basic, issuer)) {
            return true;
        }
        Date now = Date.from(clock.instant());
        for (X509CertificateHolder responder : basic.getCerts()) {
            ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
            if (responder.getIssuer().equals(issuer.getSubject()) && eku != null
                    && eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning) && responder.isValidOn(now)
                    && signedBy(responder, issuer) && verifies(basic, responder)) {
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(BasicOCSPResp basic, X509CertificateHolder signer) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(signer));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        try {
            return certificate.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(issuer));
        } catch (Exception e) {
            return false;
        }
    }

    private static String reasonName(int code) {
        try {
            return CRLReason.lookup(code).toString();
        } catch (RuntimeException e) {
            return "reason " + code;
        }
    }
}
