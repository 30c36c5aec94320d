package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.SesFormatException;
import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.util.List;

/**
 * The electronic seal (Seal.esl), GB/T 38540-2020 version 4.
 * <pre>
 * SESeal ::= SEQUENCE {
 *   eSealInfo   SES_SealInfo,
 *   cert        OCTET STRING,        -- maker certificate, DER
 *   signAlgID   OBJECT IDENTIFIER,   -- 1.2.156.10197.1.501
 *   signedValue BIT STRING }         -- maker's SM2 signature over the encoding of eSealInfo
 * </pre>
 */
public final class SESeal extends SesAsn1Object {
    private final SealInfo sealInfo;
    private final byte[] cert;
    private final ASN1ObjectIdentifier signAlgId;
    private final byte[] signedValue;

    public SESeal(SealInfo sealInfo, byte[] cert, ASN1ObjectIdentifier signAlgId, byte[] signedValue) {
        this(sealInfo, cert.clone(), signAlgId, signedValue.clone(), null);
    }

    private SESeal(SealInfo sealInfo, byte[] cert, ASN1ObjectIdentifier signAlgId, byte[] signedValue,
                   DerNode decoded) {
        super(decoded != null ? decoded : built(Der.sequence(sealInfo.encoded(), Der.octets(cert),
                Der.oid(signAlgId), Der.bitString(signedValue))));
        this.sealInfo = sealInfo;
        this.cert = cert;
        this.signAlgId = signAlgId;
        this.signedValue = signedValue;
    }

    /** Decodes with {@link SesLimits#DEFAULT}. */
    public static SESeal getInstance(Object obj) {
        if (obj instanceof SESeal seal) {
            return seal;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("SESeal", 2, 5);
        if (f.size() != 4) {
            throw new SesFormatException(SesFormatException.UNSUPPORTED_VERSION, "SESeal with " + f.size()
                    + " elements is not GB/T 38540 v4 (2 = GM/T 0031 v1, 5 = \"v5\")");
        }
        SealInfo info = SealInfo.getInstance(f.get(0));
        if (info.header().version() != SesHeader.VERSION_4) {
            throw new SesFormatException(SesFormatException.UNSUPPORTED_VERSION,
                    "SES_Header.version " + info.header().version() + " in a v4 SESeal");
        }
        return new SESeal(info, f.get(1).octets("SESeal.cert"), f.get(2).oid("SESeal.signAlgID"),
                f.get(3).bitString("SESeal.signedValue"), node);
    }

    /** Decodes untrusted bytes within the given limits. */
    public static SESeal parse(byte[] encoded, SesLimits limits) {
        return getInstance(DerNode.parse(encoded, limits));
    }

    public SealInfo sealInfo() {
        return sealInfo;
    }

    /** The maker certificate (DER). */
    public byte[] cert() {
        return cert.clone();
    }

    public ASN1ObjectIdentifier signAlgId() {
        return signAlgId;
    }

    /** The maker signature: DER SM2Signature, or raw r||s in some vendors' seals. */
    public byte[] signedValue() {
        return signedValue.clone();
    }
}
