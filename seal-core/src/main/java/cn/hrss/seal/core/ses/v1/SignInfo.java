package cn.hrss.seal.core.ses.v1;

import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.util.List;

/**
 * GM/T 0031-2014 SES_SignInfo (read only), the maker's signature block.
 * <pre>
 * SES_SignInfo ::= SEQUENCE { cert OCTET STRING, signatureAlgorithm OBJECT IDENTIFIER, signData BIT STRING }
 * </pre>
 * signData is also accepted as OCTET STRING (non-standard producers).
 */
public final class SignInfo extends SesAsn1Object {
    private final byte[] cert;
    private final ASN1ObjectIdentifier signatureAlgorithm;
    private final byte[] signData;
    private final byte[] certAndAlgorithmEncoding;

    private SignInfo(DerNode node) {
        super(node);
        List<DerNode> f = node.sequence("SES_SignInfo", 3, 3);
        this.cert = f.get(0).octets("SES_SignInfo.cert");
        this.signatureAlgorithm = f.get(1).oid("SES_SignInfo.signatureAlgorithm");
        this.signData = f.get(2).bitOrOctetString("SES_SignInfo.signData");
        byte[] c = f.get(0).encoded();
        byte[] a = f.get(1).encoded();
        this.certAndAlgorithmEncoding = new byte[c.length + a.length];
        System.arraycopy(c, 0, certAndAlgorithmEncoding, 0, c.length);
        System.arraycopy(a, 0, certAndAlgorithmEncoding, c.length, a.length);
    }

    public static SignInfo getInstance(Object obj) {
        if (obj instanceof SignInfo info) {
            return info;
        }
        return obj == null ? null : new SignInfo(DerNode.of(obj));
    }

    /** The maker certificate (DER). */
    public byte[] cert() {
        return cert.clone();
    }

    public ASN1ObjectIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public byte[] signData() {
        return signData.clone();
    }

    /** The original encodings of {@code cert} and {@code signatureAlgorithm}, which the v1 seal signature covers. */
    byte[] certAndAlgorithmEncoding() {
        return certAndAlgorithmEncoding.clone();
    }
}
