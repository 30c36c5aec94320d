package cn.hrss.seal.core.ses.v1;

import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;
import cn.hrss.seal.core.ses.v4.ExtensionDatas;
import cn.hrss.seal.core.ses.v4.PictureInfo;
import cn.hrss.seal.core.ses.v4.SesHeader;

import java.util.List;

/**
 * GM/T 0031-2014 SES_SealInfo (read only): the v4 shape with the v1 property info. Header, picture and extensions
 * are encoded as in v4, so the v4 classes decode them.
 */
public final class SealInfo extends SesAsn1Object {
    private final SesHeader header;
    private final String esId;
    private final PropertyInfo property;
    private final PictureInfo picture;
    private final ExtensionDatas extDatas;

    private SealInfo(DerNode node) {
        super(node);
        List<DerNode> f = node.sequence("SES_SealInfo(v1)", 4, 5);
        this.header = SesHeader.getInstance(f.get(0));
        this.esId = f.get(1).ia5("SES_SealInfo.esID");
        this.property = PropertyInfo.getInstance(f.get(2));
        this.picture = PictureInfo.getInstance(f.get(3));
        this.extDatas = f.size() == 5 ? ExtensionDatas.getInstance(f.get(4)) : null;
    }

    public static SealInfo getInstance(Object obj) {
        if (obj instanceof SealInfo info) {
            return info;
        }
        return obj == null ? null : new SealInfo(DerNode.of(obj));
    }

    public SesHeader header() {
        return header;
    }

    public String esId() {
        return esId;
    }

    public PropertyInfo property() {
        return property;
    }

    public PictureInfo picture() {
        return picture;
    }

    /** The extensions, or null when absent. */
    public ExtensionDatas extDatas() {
        return extDatas;
    }
}
