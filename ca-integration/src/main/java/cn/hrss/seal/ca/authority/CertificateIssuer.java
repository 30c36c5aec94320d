package cn.hrss.seal.ca.authority;

import cn.hrss.seal.ca.api.CertificateProfile;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;

import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Builds, signs (three steps: BouncyCastle assembles the TBSCertificate, the device signs its SM3 digest, BC
 * assembles the certificate) and records certificates.
 */
final class CertificateIssuer {
    private final CipherDevice device;
    private final CertificateStore store;
    private final SerialNumbers serials;
    private final Clock clock;
    private final String crlUrl;
    private final String ocspUrl;
    private final String caIssuersUrl;

    CertificateIssuer(CipherDevice device, CertificateStore store, SerialNumbers serials, Clock clock,
                      URI publicBaseUrl) {
        this.device = device;
        this.store = store;
        this.serials = serials;
        this.clock = clock;
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        this.crlUrl = base + "/ca/crl";
        this.ocspUrl = base + "/ca/ocsp";
        this.caIssuersUrl = base + "/ca/root.cer";
    }

    /** Issues below {@code issuer}; {@code keyLabel} is recorded when the subject's key is in this node's device. */
    IssuedCertificate issue(CertificateTemplate template, SigningIdentity issuer, String keyLabel) {
        X509CertificateHolder issuerCert = issuer.certificate();
        Instant notAfterCap = issuerCert.getNotAfter().toInstant();
        return build(template, issuerCert.getSubject(), issuerCert.getSubjectPublicKeyInfo(), notAfterCap,
                issuer.contentSigner(device), keyLabel);
    }

    /** Issues the self-signed seal root for the device key {@code rootKey}. */
    IssuedCertificate selfSign(CertificateTemplate template, KeyRef rootKey) {
        if (template.profile() != CertificateProfile.SEAL_ROOT) {
            throw new IllegalArgumentException("only the seal root is self-signed");
        }
        ContentSigner signer = DeviceContentSigner.create(device, rootKey);
        return build(template, template.subject(), template.publicKey(), Instant.MAX, signer, rootKey.label());
    }

    private IssuedCertificate build(CertificateTemplate t, X500Name issuerName, SubjectPublicKeyInfo issuerKey,
                                    Instant notAfterCap, ContentSigner signer, String keyLabel) {
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(t.validity());
        if (notAfter.isAfter(notAfterCap)) {
            notAfter = notAfterCap;
        }
        BigInteger serial = serials.next();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, serial, Date.from(notBefore),
                Date.from(notAfter), t.subject(), t.publicKey());
        BcX509ExtensionUtils keyIds = new BcX509ExtensionUtils();
        try {
            for (Extension e : t.extensions()) {
                builder.addExtension(e);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    keyIds.createSubjectKeyIdentifier(t.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    keyIds.createAuthorityKeyIdentifier(issuerKey));
            if (t.profile() != CertificateProfile.SEAL_ROOT) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                        new DistributionPoint(new DistributionPointName(new GeneralNames(uri(crlUrl))), null, null)}));
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription[]{
                                new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocspUrl)),
                                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuersUrl))}));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode extension", e);
        }
        IssuedCertificate issued = new IssuedCertificate(t.profile(), builder.build(signer));
        store.save(issued, keyLabel);
        return issued;
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
