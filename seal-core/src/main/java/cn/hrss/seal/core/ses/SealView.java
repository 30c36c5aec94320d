package cn.hrss.seal.core.ses;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * A version-neutral view of a parsed seal for verifiers and display. Arrays are fresh copies made for this view.
 *
 * @param certListType             1 certificates, 2 digests (v1 seals always list certificates)
 * @param signerCertificates       DER certificates allowed to sign (certListType 1)
 * @param signerCertificateDigests digests of those certificates (certListType 2)
 * @param makerCertificate         DER certificate of the seal maker
 * @param signedBytes              exactly what the maker signature covers (v4: SES_SealInfo; v1: SealInfo+cert+alg)
 * @param signatureValue           the maker signature as stored (DER, or raw r||s from some vendors)
 * @param encoded                  the whole seal as parsed
 */
public record SealView(
        SesVersion version,
        int headerVersion,
        String vendorId,
        String esId,
        int sealType,
        String name,
        Instant createDate,
        Instant validStart,
        Instant validEnd,
        Picture picture,
        int certListType,
        List<byte[]> signerCertificates,
        List<CertDigest> signerCertificateDigests,
        byte[] makerCertificate,
        ASN1ObjectIdentifier signatureAlgorithm,
        byte[] signedBytes,
        byte[] signatureValue,
        byte[] encoded) {

    public SealView {
        signerCertificates = List.copyOf(signerCertificates);
        signerCertificateDigests = List.copyOf(signerCertificateDigests);
    }

    /** The seal picture; width and height in millimetres. */
    public record Picture(String type, byte[] data, int widthMm, int heightMm) {
    }

    /** One entry of a certListType 2 list: the digest algorithm name and the certificate digest. */
    public record CertDigest(String algorithm, byte[] value) {
    }
}
