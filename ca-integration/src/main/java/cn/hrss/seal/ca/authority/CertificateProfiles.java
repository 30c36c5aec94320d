package cn.hrss.seal.ca.authority;

import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.api.CaObjectIdentifiers;
import cn.hrss.seal.ca.api.CertificateProfile;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.ca.api.SealSource;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.SystemIdentity;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The certificate profiles of docs/CA-PROFILES.md: subject names and profile extensions. */
final class CertificateProfiles {
    /** Extensions the issuer sets itself; a renewal does not copy them from the old certificate. */
    private static final Set<ASN1ObjectIdentifier> ISSUER_EXTENSIONS = Set.of(
            Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier,
            Extension.cRLDistributionPoints, Extension.authorityInfoAccess);

    private final CaProperties.Validity validity;
    private final String organisation;

    CertificateProfiles(CaProperties properties) {
        this.validity = properties.validity();
        this.organisation = properties.organisation();
    }

    CertificateTemplate sealRoot(X500Name subject, Sm2PublicKey key) {
        // pathLen 0: the root signs end-entity certificates only; a sub-CA needs a new profile and a new decision.
        return new CertificateTemplate(CertificateProfile.SEAL_ROOT, subject, spki(key), validity.root(), List.of(
                ext(Extension.basicConstraints, true, new BasicConstraints(0)),
                ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
    }

    CertificateTemplate system(SystemCertificateRequest request) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.L, request.region().value())
                .addRDN(BCStyle.O, request.organisation())
                .addRDN(BCStyle.OU, request.tier().name())
                .addRDN(BCStyle.CN, request.systemName())
                .build();
        return new CertificateTemplate(CertificateProfile.SYSTEM, subject, spki(request.publicKey()),
                validity.system(), List.of(
                endEntity(),
                ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)),
                ext(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[]{KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth})),
                ext(CaObjectIdentifiers.SYSTEM_IDENTITY, false,
                        new SystemIdentity(request.tier(), request.region()))));
    }

    CertificateTemplate seal(SealCertificateRequest request) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, request.unitName())
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, request.unitCreditCode().value())
                .addRDN(BCStyle.CN, request.sealName())
                .build();
        return new CertificateTemplate(CertificateProfile.SEAL, subject, spki(request.publicKey()),
                validity.seal(), List.of(
                endEntity(),
                ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)),
                ext(CaObjectIdentifiers.UNIFIED_SOCIAL_CREDIT_CODE, false,
                        new DERPrintableString(request.unitCreditCode().value())),
                ext(CaObjectIdentifiers.SEAL_SOURCE, false,
                        new SealSource(request.esId(), request.makingSystem()))));
    }

    CertificateTemplate ocspSigner(String nodeName, Sm2PublicKey key) {
        return new CertificateTemplate(CertificateProfile.OCSP_SIGNER, serviceName(nodeName + " OCSP"), spki(key),
                validity.ocspSigner(), List.of(
                endEntity(),
                ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                ext(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)),
                // RFC 6960 4.2.2.2.1: clients need not check the responder certificate's own status.
                ext(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE)));
    }

    CertificateTemplate tsa(String nodeName, Sm2PublicKey key) {
        return new CertificateTemplate(CertificateProfile.TSA, serviceName(nodeName + " TSA"), spki(key),
                validity.tsa(), List.of(
                endEntity(),
                ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)),
                // RFC 3161 2.3: timeStamping must be the only purpose and the extension critical.
                ext(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))));
    }

    /** A successor of {@code old} for {@code key}: same subject and profile extensions, fresh validity. */
    CertificateTemplate renewal(CertificateProfile profile, X500Name subject, Extensions old, Sm2PublicKey key) {
        List<Extension> kept = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : old.getExtensionOIDs()) {
            if (!ISSUER_EXTENSIONS.contains(oid)) {
                kept.add(old.getExtension(oid));
            }
        }
        return new CertificateTemplate(profile, subject, spki(key), validityOf(profile), kept);
    }

    private Duration validityOf(CertificateProfile profile) {
        return switch (profile) {
            case SEAL_ROOT -> validity.root();
            case SYSTEM -> validity.system();
            case SEAL -> validity.seal();
            case OCSP_SIGNER -> validity.ocspSigner();
            case TSA -> validity.tsa();
        };
    }

    private X500Name serviceName(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, cn)
                .build();
    }

    private static Extension endEntity() {
        return ext(Extension.basicConstraints, true, new BasicConstraints(false));
    }

    private static SubjectPublicKeyInfo spki(Sm2PublicKey key) {
        return key.toSubjectPublicKeyInfo();
    }

    static Extension ext(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return Extension.create(oid, critical, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
