package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.util.ArrayList;
import java.util.List;

/** {@code ExtensionDatas ::= SEQUENCE OF ExtData}. */
public final class ExtensionDatas extends SesAsn1Object {
    private final List<ExtData> extensions;

    public ExtensionDatas(List<ExtData> extensions) {
        this(List.copyOf(extensions), null);
    }

    private ExtensionDatas(List<ExtData> extensions, DerNode decoded) {
        super(decoded != null ? decoded
                : built(Der.sequence(extensions.stream().map(ExtData::encoded).toArray(byte[][]::new))));
        this.extensions = extensions;
    }

    public static ExtensionDatas getInstance(Object obj) {
        if (obj instanceof ExtensionDatas datas) {
            return datas;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<ExtData> list = new ArrayList<>();
        for (DerNode item : node.sequence("ExtensionDatas", 0, Integer.MAX_VALUE)) {
            list.add(ExtData.getInstance(item));
        }
        return new ExtensionDatas(List.copyOf(list), node);
    }

    public List<ExtData> extensions() {
        return extensions;
    }
}
