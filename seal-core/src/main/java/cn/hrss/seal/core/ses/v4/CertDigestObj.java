package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.util.List;

/**
 * <pre>
 * CertDigestObj ::= SEQUENCE {
 *   type  PrintableString,   -- digest algorithm name; we write "SM3" (meaning UNCONFIRMED, see FORMATS.md)
 *   value OCTET STRING }     -- digest of the DER certificate
 * </pre>
 */
public final class CertDigestObj extends SesAsn1Object {
    public static final String SM3 = "SM3";

    private final String type;
    private final byte[] value;

    public CertDigestObj(String type, byte[] value) {
        this(type, value.clone(), null);
    }

    private CertDigestObj(String type, byte[] value, DerNode decoded) {
        super(decoded != null ? decoded : built(Der.sequence(Der.printable(type), Der.octets(value))));
        this.type = type;
        this.value = value;
    }

    public static CertDigestObj getInstance(Object obj) {
        if (obj instanceof CertDigestObj digest) {
            return digest;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("CertDigestObj", 2, 2);
        return new CertDigestObj(f.get(0).printable("CertDigestObj.type"), f.get(1).octets("CertDigestObj.value"),
                node);
    }

    public String type() {
        return type;
    }

    public byte[] value() {
        return value.clone();
    }
}
