package cn.hrss.seal.core.ses.v1;

import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.util.List;

/**
 * GM/T 0031-2014 SESeal (read only).
 * <pre>
 * SESeal ::= SEQUENCE { esealInfo SES_SealInfo, signInfo SES_SignInfo }
 * </pre>
 */
public final class SESeal extends SesAsn1Object {
    private final SealInfo sealInfo;
    private final SignInfo signInfo;

    private SESeal(DerNode node) {
        super(node);
        List<DerNode> f = node.sequence("SESeal(v1)", 2, 2);
        this.sealInfo = SealInfo.getInstance(f.get(0));
        this.signInfo = SignInfo.getInstance(f.get(1));
    }

    public static SESeal getInstance(Object obj) {
        if (obj instanceof SESeal seal) {
            return seal;
        }
        return obj == null ? null : new SESeal(DerNode.of(obj));
    }

    public static SESeal parse(byte[] encoded, SesLimits limits) {
        return getInstance(DerNode.parse(encoded, limits));
    }

    public SealInfo sealInfo() {
        return sealInfo;
    }

    public SignInfo signInfo() {
        return signInfo;
    }

    /**
     * The bytes the v1 maker signature covers: SEQUENCE { SES_SealInfo, cert, signatureAlgorithm }, assembled from
     * the original element encodings (unlike v4, where only SES_SealInfo is signed).
     */
    public byte[] signedBytes() {
        return Der.sequence(sealInfo.encoded(), signInfo.certAndAlgorithmEncoding());
    }
}
