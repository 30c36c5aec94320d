package cn.hrss.seal.core.ses.v1;

import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.util.List;

/**
 * GM/T 0031-2014 SES_Signature (read only). The signer certificate and algorithm sit inside TBS_Sign.
 * <pre>
 * SES_Signature ::= SEQUENCE { toSign TBS_Sign, signature BIT STRING }   -- signature over the encoding of toSign
 * </pre>
 */
public final class SesSignature extends SesAsn1Object {
    private final TbsSign toSign;
    private final byte[] signature;

    private SesSignature(DerNode node) {
        super(node);
        List<DerNode> f = node.sequence("SES_Signature(v1)", 2, 2);
        this.toSign = TbsSign.getInstance(f.get(0));
        this.signature = f.get(1).bitOrOctetString("SES_Signature.signature");
    }

    public static SesSignature getInstance(Object obj) {
        if (obj instanceof SesSignature sig) {
            return sig;
        }
        return obj == null ? null : new SesSignature(DerNode.of(obj));
    }

    public static SesSignature parse(byte[] encoded, SesLimits limits) {
        return getInstance(DerNode.parse(encoded, limits));
    }

    public TbsSign toSign() {
        return toSign;
    }

    public byte[] signature() {
        return signature.clone();
    }
}
