package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.SesFormatException;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.util.List;

/**
 * <pre>
 * SES_Header ::= SEQUENCE {
 *   id      IA5String,   -- "ES"
 *   version INTEGER,     -- 4 for GB/T 38540
 *   vid     IA5String }  -- vendor id
 * </pre>
 */
public final class SesHeader extends SesAsn1Object {
    public static final String ID = "ES";
    /** SES_Header.version of GB/T 38540-2020. */
    public static final int VERSION_4 = 4;

    private final int version;
    private final String vid;

    public SesHeader(int version, String vid) {
        this(version, vid, null);
    }

    private SesHeader(int version, String vid, DerNode decoded) {
        super(decoded != null ? decoded
                : built(Der.sequence(Der.ia5(ID), Der.integer(version), Der.ia5(vid))));
        this.version = version;
        this.vid = vid;
    }

    public static SesHeader getInstance(Object obj) {
        if (obj instanceof SesHeader header) {
            return header;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("SES_Header", 3, 3);
        if (!ID.equals(f.get(0).ia5("SES_Header.id"))) {
            throw SesFormatException.malformed("SES_Header.id must be \"ES\"");
        }
        int version = f.get(1).intValue("SES_Header.version", 0, 255);
        String vid = f.get(2).ia5("SES_Header.vid");
        return new SesHeader(version, vid, node);
    }

    public int version() {
        return version;
    }

    public String vid() {
        return vid;
    }
}
