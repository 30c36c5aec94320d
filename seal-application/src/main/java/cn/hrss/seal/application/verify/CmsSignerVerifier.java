package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.Store;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies one CMS SignerInfo made with SM3 and SM2 without relying on algorithm-name mapping, so that both PKCS#7
 * and GM/T 0010 encodings are accepted: the digest algorithm must be SM3, the signature algorithm SM3withSM2
 * (1.2.156.10197.1.501) or SM2 (GM/T 0010 {@code digestEncryptionAlgorithm} 1.2.156.10197.1.301.1, or
 * 1.2.156.10197.1.301); the SM2 signature (default user ID) is checked over the DER of the signed attributes.
 */
public final class CmsSignerVerifier {
    public static final String UNSUPPORTED_ALGORITHM = "UNSUPPORTED_ALGORITHM";
    public static final String NO_SIGNED_ATTRIBUTES = "NO_SIGNED_ATTRIBUTES";
    public static final String DIGEST_MISMATCH = "DIGEST_MISMATCH";
    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
    public static final String SIGNER_CERTIFICATE_MISSING = "SIGNER_CERTIFICATE_MISSING";

    private static final ASN1ObjectIdentifier SM2_SIGN = GMObjectIdentifiers.sm2sign;
    private static final Set<ASN1ObjectIdentifier> SM2_SIGNATURE_ALGORITHMS =
            Set.of(GMObjectIdentifiers.sm2sign_with_sm3, SM2_SIGN, GMObjectIdentifiers.sm2p256v1,
                    X9ObjectIdentifiers.id_ecPublicKey);

    private CmsSignerVerifier() {
    }

    /** The certificate the SignerInfo identifies, from the CMS certificate store. */
    @SuppressWarnings("unchecked")
    public static Optional<X509CertificateHolder> signerCertificate(SignerInformation signer,
                                                                    Store<X509CertificateHolder> certificates) {
        Collection<X509CertificateHolder> matches =
                certificates.getMatches((Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
        return matches.stream().findFirst();
    }

    /** The message-digest signed attribute equals SM3 of the content. */
    public static CheckResult messageDigest(Check check, SignerInformation signer, byte[] content) {
        if (!GMObjectIdentifiers.sm3.equals(signer.getDigestAlgorithmID().getAlgorithm())) {
            return CheckResult.indeterminate(check, UNSUPPORTED_ALGORITHM,
                    "digest algorithm " + signer.getDigestAlgOID() + " is not SM3");
        }
        AttributeTable signed = signer.getSignedAttributes();
        Attribute digest = signed == null ? null : signed.get(CMSAttributes.messageDigest);
        if (digest == null || digest.getAttrValues().size() != 1) {
            return CheckResult.failed(check, NO_SIGNED_ATTRIBUTES, "no single message-digest signed attribute");
        }
        byte[] claimed = ASN1OctetString.getInstance(digest.getAttrValues().getObjectAt(0)).getOctets();
        return MessageDigest.isEqual(claimed, Sm3.hash(content))
                ? CheckResult.passed(check, "SM3 digest of the signed data matches")
                : CheckResult.failed(check, DIGEST_MISMATCH, "SM3 digest of the signed data does not match");
    }

    /** The SM2 signature over the signed attributes verifies with the certificate's key. */
    public static CheckResult signature(Check check, SignerInformation signer, X509CertificateHolder certificate) {
        ASN1ObjectIdentifier algorithm = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        if (!SM2_SIGNATURE_ALGORITHMS.contains(algorithm)) {
            return CheckResult.indeterminate(check, UNSUPPORTED_ALGORITHM,
                    "signature algorithm " + algorithm + " is not SM2");
        }
        if (signer.getSignedAttributes() == null) {
            return CheckResult.failed(check, NO_SIGNED_ATTRIBUTES, "SignerInfo has no signed attributes");
        }
        try {
            Sm2PublicKey key = Sm2PublicKey.fromSubjectPublicKeyInfo(certificate.getSubjectPublicKeyInfo());
            byte[] value = signer.getSignature();
            byte[] der = value.length == 64 ? Sm2.rawToDer(value) : value;
            return Sm2.verify(key, signer.getEncodedSignedAttributes(), der)
                    ? CheckResult.passed(check, "SM3withSM2 signature verified with " + CertificatePathValidator.name(certificate.getSubject()))
                    : CheckResult.failed(check, SIGNATURE_INVALID, "signature does not verify with "
                    + CertificatePathValidator.name(certificate.getSubject()));
        } catch (IOException | RuntimeException e) {
            return CheckResult.failed(check, SIGNATURE_INVALID, "signature unreadable: " + e.getMessage());
        }
    }
}
