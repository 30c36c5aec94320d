package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.SesFormatException;
import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;
import cn.hrss.seal.core.ses.asn1.SplicedEncoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.util.List;

/**
 * The electronic seal signature (SignedValue.dat), SES_Signature of GB/T 38540-2020.
 * <pre>
 * SES_Signature ::= SEQUENCE {
 *   toSign         TBS_Sign,
 *   cert           OCTET STRING,        -- signer certificate, DER
 *   signatureAlgID OBJECT IDENTIFIER,   -- 1.2.156.10197.1.501
 *   signature      BIT STRING,          -- SM2 over the encoding of toSign
 *   timeStamp  [0] EXPLICIT BIT STRING OPTIONAL }   -- time-stamp token over the signature value
 * </pre>
 * The timeStamp tagging is UNCONFIRMED: we write {@code [0] EXPLICIT} and also read an untagged BIT STRING.
 */
public final class SesSignature extends SesAsn1Object {
    private final TbsSign toSign;
    private final byte[] cert;
    private final ASN1ObjectIdentifier signatureAlgId;
    private final byte[] signature;
    private final byte[] timeStamp;

    public SesSignature(TbsSign toSign, byte[] cert, ASN1ObjectIdentifier signatureAlgId, byte[] signature,
                        byte[] timeStamp) {
        this(toSign, cert.clone(), signatureAlgId, signature.clone(), timeStamp == null ? null : timeStamp.clone(),
                null);
    }

    private SesSignature(TbsSign toSign, byte[] cert, ASN1ObjectIdentifier signatureAlgId, byte[] signature,
                         byte[] timeStamp, DerNode decoded) {
        super(decoded != null ? decoded
                : built(SplicedEncoding.sequence(elements(toSign, cert, signatureAlgId, signature, timeStamp)).toByteArray()));
        this.toSign = toSign;
        this.cert = cert;
        this.signatureAlgId = signatureAlgId;
        this.signature = signature;
        this.timeStamp = timeStamp;
    }

    /**
     * The DER of a new SES_Signature over a TBS_Sign {@linkplain TbsSign#encodeAroundSeal encoded around its seal},
     * kept around that seal: byte for byte {@code new SesSignature(toSign, cert, ...).encoded()}.
     */
    public static SplicedEncoding encodeAroundSeal(SplicedEncoding toSign, byte[] cert,
                                                   ASN1ObjectIdentifier signatureAlgId, byte[] signature,
                                                   byte[] timeStamp) {
        return SplicedEncoding.sequence(elements(toSign, cert, signatureAlgId, signature, timeStamp));
    }

    private static Object[] elements(Object toSign, byte[] cert, ASN1ObjectIdentifier signatureAlgId,
                                     byte[] signature, byte[] timeStamp) {
        return timeStamp == null
                ? new Object[] {toSign, Der.octets(cert), Der.oid(signatureAlgId), Der.bitString(signature)}
                : new Object[] {toSign, Der.octets(cert), Der.oid(signatureAlgId), Der.bitString(signature),
                        Der.explicit0(Der.bitString(timeStamp))};
    }

    /** Decodes with {@link SesLimits#DEFAULT}. */
    public static SesSignature getInstance(Object obj) {
        if (obj instanceof SesSignature sig) {
            return sig;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("SES_Signature", 2, 5);
        if (f.size() == 2) {
            throw new SesFormatException(SesFormatException.UNSUPPORTED_VERSION,
                    "SES_Signature with 2 elements is GM/T 0031 v1");
        }
        if (f.size() == 3) {
            throw SesFormatException.malformed("SES_Signature: 3 elements, expected 4..5");
        }
        byte[] timeStamp = null;
        if (f.size() == 5) {
            DerNode last = f.get(4);
            timeStamp = (last.tag() == DerNode.CONTEXT_0
                    ? last.explicit(DerNode.CONTEXT_0, "SES_Signature.timeStamp") : last)
                    .bitString("SES_Signature.timeStamp");
        }
        return new SesSignature(TbsSign.getInstance(f.get(0)), f.get(1).octets("SES_Signature.cert"),
                f.get(2).oid("SES_Signature.signatureAlgID"), f.get(3).bitString("SES_Signature.signature"),
                timeStamp, node);
    }

    /** Decodes untrusted bytes within the given limits. */
    public static SesSignature parse(byte[] encoded, SesLimits limits) {
        return getInstance(DerNode.parse(encoded, limits));
    }

    public TbsSign toSign() {
        return toSign;
    }

    /** The signer certificate (DER). */
    public byte[] cert() {
        return cert.clone();
    }

    public ASN1ObjectIdentifier signatureAlgId() {
        return signatureAlgId;
    }

    /** The signer's SM2 signature over {@code toSign().encoded()} (DER SM2Signature). */
    public byte[] signature() {
        return signature.clone();
    }

    /** The time-stamp token, or null when absent. */
    public byte[] timeStamp() {
        return timeStamp == null ? null : timeStamp.clone();
    }
}
