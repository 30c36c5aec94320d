package cn.hrss.seal.core.ses;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.time.Instant;
import java.util.Optional;

/**
 * A version-neutral view of a parsed seal signature. Arrays are fresh copies made for this view.
 *
 * @param signingTime    TBS_Sign.timeInfo; empty for v1 signatures whose timeInfo is a time-stamp token
 * @param signedBytes    exactly what the signer signature covers (the original TBS_Sign encoding)
 * @param signatureValue the signer signature as stored
 * @param timeStamp      the v4 time-stamp token over the signature value, if present
 * @param encoded        the whole signature as parsed
 */
public record SignatureView(
        SesVersion version,
        SealView seal,
        byte[] signerCertificate,
        Optional<Instant> signingTime,
        byte[] dataHash,
        String propertyInfo,
        ASN1ObjectIdentifier signatureAlgorithm,
        byte[] signedBytes,
        byte[] signatureValue,
        Optional<byte[]> timeStamp,
        byte[] encoded) {
}
