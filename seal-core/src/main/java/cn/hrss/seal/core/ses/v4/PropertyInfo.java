package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.time.Instant;
import java.util.List;

/**
 * <pre>
 * SES_ESPropertyInfo ::= SEQUENCE {
 *   type         INTEGER,          -- seal type (code table UNCONFIRMED, see FORMATS.md)
 *   name         UTF8String,
 *   certListType INTEGER,          -- 1 certificates, 2 digests
 *   certList     SES_CertList,
 *   createDate   GeneralizedTime,
 *   validStart   GeneralizedTime,
 *   validEnd     GeneralizedTime }
 * </pre>
 */
public final class PropertyInfo extends SesAsn1Object {
    private final int type;
    private final String name;
    private final CertList certList;
    private final Instant createDate;
    private final Instant validStart;
    private final Instant validEnd;

    public PropertyInfo(int type, String name, CertList certList, Instant createDate, Instant validStart,
                        Instant validEnd) {
        this(type, name, certList, Der.toSeconds(createDate), Der.toSeconds(validStart), Der.toSeconds(validEnd),
                null);
        if (!validStart.isBefore(validEnd)) {
            throw new IllegalArgumentException("seal validity must start before it ends");
        }
    }

    private PropertyInfo(int type, String name, CertList certList, Instant createDate, Instant validStart,
                         Instant validEnd, DerNode decoded) {
        super(decoded != null ? decoded : built(Der.sequence(Der.integer(type), Der.utf8(name),
                Der.integer(certList.type()), certList.encoded(), Der.generalizedTime(createDate),
                Der.generalizedTime(validStart), Der.generalizedTime(validEnd))));
        this.type = type;
        this.name = name;
        this.certList = certList;
        this.createDate = createDate;
        this.validStart = validStart;
        this.validEnd = validEnd;
    }

    public static PropertyInfo getInstance(Object obj) {
        if (obj instanceof PropertyInfo info) {
            return info;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("SES_ESPropertyInfo", 7, 7);
        int type = f.get(0).intValue("SES_ESPropertyInfo.type", 0, Integer.MAX_VALUE);
        String name = f.get(1).utf8("SES_ESPropertyInfo.name");
        int certListType = f.get(2).intValue("SES_ESPropertyInfo.certListType", 0, Integer.MAX_VALUE);
        CertList certList = CertList.getInstance(certListType, f.get(3));
        return new PropertyInfo(type, name, certList,
                f.get(4).generalizedTime("SES_ESPropertyInfo.createDate"),
                f.get(5).generalizedTime("SES_ESPropertyInfo.validStart"),
                f.get(6).generalizedTime("SES_ESPropertyInfo.validEnd"),
                node);
    }

    public int type() {
        return type;
    }

    public String name() {
        return name;
    }

    public CertList certList() {
        return certList;
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
