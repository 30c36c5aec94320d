package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.ses.SesCheck.Kind;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.v4.CertList;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The format-level checks of GB/T 38540 (and GM/T 0031) seals and signatures, each returning a {@link SesCheck}
 * with a reason instead of a boolean. Signatures are verified over the original encodings the views carry.
 * Certificate path, revocation and seal status are not checked here.
 */
public final class SesVerifier {
    /** 1.2.156.10197.501: ofdrw's mistyped SM3withSM2 OID (missing ".1"), seen in files it produced. */
    static final ASN1ObjectIdentifier OFDRW_SM3_WITH_SM2 = new ASN1ObjectIdentifier("1.2.156.10197.501");
    private static final ASN1ObjectIdentifier SM3_OID = GMObjectIdentifiers.sm3;
    /** DER SM2Signature is at most 72 bytes; anything much larger is not a signature. */
    private static final int MAX_SIGNATURE_VALUE = 160;
    /** Certificates are a few KiB; the bound keeps BouncyCastle away from crafted nesting. */
    private static final SesLimits CERTIFICATE_LIMITS = new SesLimits(64 * 1024, 1, 24, 4096);

    private SesVerifier() {
    }

    /** Runs every check; the seal validity is evaluated at the signing time. */
    public static SesVerification verify(SignatureView signature, byte[] originalSm3) {
        return new SesVerification(List.of(
                signerSignature(signature),
                signerListedInSeal(signature),
                sealSignature(signature.seal()),
                signature.signingTime().map(t -> sealValidAt(signature.seal(), t))
                        .orElseGet(() -> SesCheck.indeterminate(Kind.SEAL_VALIDITY,
                                "signing time is not a plain time (time-stamp token); validity not evaluated")),
                originalSm3 == null
                        ? SesCheck.indeterminate(Kind.DATA_HASH, "original data not supplied")
                        : dataHash(signature, originalSm3)));
    }

    /** The maker signature over {@link SealView#signedBytes()} with the maker certificate. */
    public static SesCheck sealSignature(SealView seal) {
        return sm2(Kind.SEAL_SIGNATURE, "maker", seal.makerCertificate(), seal.signatureAlgorithm(),
                seal.signedBytes(), seal.signatureValue());
    }

    /** The signer signature over the original TBS_Sign with the signer certificate. */
    public static SesCheck signerSignature(SignatureView signature) {
        return sm2(Kind.SIGNER_SIGNATURE, "signer", signature.signerCertificate(), signature.signatureAlgorithm(),
                signature.signedBytes(), signature.signatureValue());
    }

    /** The signer certificate is listed in the seal: byte-equal (certListType 1) or by digest (2). */
    public static SesCheck signerListedInSeal(SignatureView signature) {
        return certificateListed(signature.seal(), signature.signerCertificate());
    }

    public static SesCheck certificateListed(SealView seal, byte[] certificate) {
        if (seal.certListType() == CertList.CERTIFICATES) {
            for (byte[] listed : seal.signerCertificates()) {
                if (Arrays.equals(listed, certificate)) {
                    return SesCheck.passed(Kind.SIGNER_IN_SEAL, "signer certificate is listed in the seal");
                }
            }
            return SesCheck.failed(Kind.SIGNER_IN_SEAL, "signer certificate is not among the "
                    + seal.signerCertificates().size() + " certificates listed in the seal");
        }
        byte[] sm3 = Sm3.hash(certificate);
        boolean unknownAlgorithm = false;
        for (SealView.CertDigest digest : seal.signerCertificateDigests()) {
            if (!isSm3(digest.algorithm())) {
                unknownAlgorithm = true;
            } else if (MessageDigest.isEqual(sm3, digest.value())) {
                return SesCheck.passed(Kind.SIGNER_IN_SEAL, "SM3 digest of the signer certificate is listed");
            }
        }
        return unknownAlgorithm
                ? SesCheck.indeterminate(Kind.SIGNER_IN_SEAL, "no SM3 digest matched; other digest types not known")
                : SesCheck.failed(Kind.SIGNER_IN_SEAL, "digest of the signer certificate is not listed in the seal");
    }

    /** validStart <= at <= validEnd. */
    public static SesCheck sealValidAt(SealView seal, Instant at) {
        if (at.isBefore(seal.validStart())) {
            return SesCheck.failed(Kind.SEAL_VALIDITY, "seal not yet valid at " + at + " (from " + seal.validStart()
                    + ")");
        }
        if (at.isAfter(seal.validEnd())) {
            return SesCheck.failed(Kind.SEAL_VALIDITY, "seal expired at " + seal.validEnd() + ", before " + at);
        }
        return SesCheck.passed(Kind.SEAL_VALIDITY, "seal valid at " + at);
    }

    /** TBS_Sign.dataHash equals the given SM3 digest of the original. */
    public static SesCheck dataHash(SignatureView signature, byte[] originalSm3) {
        return MessageDigest.isEqual(signature.dataHash(), originalSm3)
                ? SesCheck.passed(Kind.DATA_HASH, "dataHash matches the SM3 digest of the original")
                : SesCheck.failed(Kind.DATA_HASH, "dataHash does not match the SM3 digest of the original");
    }

    /** The signature value as DER SM2Signature, converting the raw 64-byte r||s form; null if it is neither. */
    static byte[] derSignature(byte[] value) {
        if (value.length > MAX_SIGNATURE_VALUE) {
            return null;
        }
        try {
            Sm2.decodeSignature(value);
            return value;
        } catch (IllegalArgumentException notDer) {
            return value.length == 64 ? Sm2.rawToDer(value) : null;
        }
    }

    /** The SM2 public key of a DER certificate; IllegalArgumentException when unreadable or not SM2. */
    static Sm2PublicKey publicKey(byte[] certificate) {
        try {
            DerNode.parseAnyDer(certificate, CERTIFICATE_LIMITS);
            SubjectPublicKeyInfo spki = Certificate.getInstance(ASN1Primitive.fromByteArray(certificate))
                    .getSubjectPublicKeyInfo();
            ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
            boolean sm2 = Sm2.SM2_CURVE_OID.equals(alg) || X9ObjectIdentifiers.id_ecPublicKey.equals(alg)
                    && Sm2.SM2_CURVE_OID.equals(spki.getAlgorithm().getParameters());
            if (!sm2) {
                throw new IllegalArgumentException("certificate key is not SM2");
            }
            return Sm2PublicKey.fromSubjectPublicKeyInfo(spki);
        } catch (SesFormatException e) {
            throw new IllegalArgumentException("certificate is not valid DER: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("certificate unreadable: " + e.getMessage(), e);
        }
    }

    static boolean isSm3WithSm2(ASN1ObjectIdentifier oid) {
        return GMObjectIdentifiers.sm2sign_with_sm3.equals(oid) || OFDRW_SM3_WITH_SM2.equals(oid);
    }

    private static boolean isSm3(String algorithm) {
        return "SM3".equalsIgnoreCase(algorithm) || SM3_OID.getId().equals(algorithm);
    }

    private static SesCheck sm2(Kind kind, String who, byte[] certificate, ASN1ObjectIdentifier algorithm,
                                byte[] signedBytes, byte[] value) {
        if (!isSm3WithSm2(algorithm)) {
            return SesCheck.indeterminate(kind, "unsupported " + who + " signature algorithm " + algorithm);
        }
        Sm2PublicKey key;
        try {
            key = publicKey(certificate);
        } catch (IllegalArgumentException e) {
            return SesCheck.failed(kind, who + " " + e.getMessage());
        }
        byte[] der = derSignature(value);
        if (der == null) {
            return SesCheck.failed(kind, who + " signature is neither DER SM2Signature nor raw r||s");
        }
        String form = der == value ? "" : " (raw r||s form)";
        return Sm2.verify(key, signedBytes, der)
                ? SesCheck.passed(kind, who + " signature verified" + form)
                : SesCheck.failed(kind, who + " signature does not verify with the " + who + " certificate" + form);
    }
}
