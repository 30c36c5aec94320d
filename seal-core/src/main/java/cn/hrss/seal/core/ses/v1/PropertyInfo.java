package cn.hrss.seal.core.ses.v1;

import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GM/T 0031-2014 SES_ESPropertyInfo (read only). Unlike v4 there is no certListType and the dates are UTCTime;
 * GeneralizedTime written by some producers is accepted.
 * <pre>
 * SES_ESPropertyInfo ::= SEQUENCE {
 *   type INTEGER, name UTF8String, certList SEQUENCE OF OCTET STRING,
 *   createDate UTCTime, validStart UTCTime, validEnd UTCTime }
 * </pre>
 */
public final class PropertyInfo extends SesAsn1Object {
    private final int type;
    private final String name;
    private final List<byte[]> certificates;
    private final Instant createDate;
    private final Instant validStart;
    private final Instant validEnd;

    private PropertyInfo(DerNode node) {
        super(node);
        List<DerNode> f = node.sequence("SES_ESPropertyInfo(v1)", 6, 6);
        this.type = f.get(0).intValue("SES_ESPropertyInfo.type", 0, Integer.MAX_VALUE);
        this.name = f.get(1).utf8("SES_ESPropertyInfo.name");
        List<byte[]> certs = new ArrayList<>();
        for (DerNode c : f.get(2).sequence("SES_ESPropertyInfo.certList", 0, Integer.MAX_VALUE)) {
            certs.add(c.octets("SES_ESPropertyInfo.certList"));
        }
        this.certificates = List.copyOf(certs);
        this.createDate = f.get(3).anyTime("SES_ESPropertyInfo.createDate");
        this.validStart = f.get(4).anyTime("SES_ESPropertyInfo.validStart");
        this.validEnd = f.get(5).anyTime("SES_ESPropertyInfo.validEnd");
    }

    public static PropertyInfo getInstance(Object obj) {
        if (obj instanceof PropertyInfo info) {
            return info;
        }
        return obj == null ? null : new PropertyInfo(DerNode.of(obj));
    }

    public int type() {
        return type;
    }

    public String name() {
        return name;
    }

    public List<byte[]> certificates() {
        return certificates.stream().map(byte[]::clone).toList();
    }

    public Instant createDate() {
        return createDate;
    }

    public Instant validStart() {
        return validStart;
    }

    public Instant validEnd() {
        return validEnd;
    }
}
