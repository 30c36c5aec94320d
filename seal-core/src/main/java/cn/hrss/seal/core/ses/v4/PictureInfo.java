package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.SesFormatException;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.util.List;

/**
 * The seal picture, SES_ESPictrueInfo (sic, the spelling of the ASN.1 module as implemented).
 * <pre>
 * SES_ESPictrueInfo ::= SEQUENCE {
 *   type   IA5String,     -- "PNG", "GIF", "BMP", "JPG", "SVG", "OFD"
 *   data   OCTET STRING,  -- image bytes
 *   width  INTEGER,       -- display width in mm
 *   height INTEGER }      -- display height in mm
 * </pre>
 */
public final class PictureInfo extends SesAsn1Object {
    /** Physical seals are a few centimetres; anything beyond a metre is not a seal picture. */
    public static final int MAX_SIZE_MM = 1000;

    private final String type;
    private final byte[] data;
    private final int widthMm;
    private final int heightMm;

    public PictureInfo(String type, byte[] data, int widthMm, int heightMm) {
        this(checkType(type), data.clone(), checkSize(widthMm), checkSize(heightMm), null);
    }

    private PictureInfo(String type, byte[] data, int widthMm, int heightMm, DerNode decoded) {
        super(decoded != null ? decoded : built(
                Der.sequence(Der.ia5(type), Der.octets(data), Der.integer(widthMm), Der.integer(heightMm))));
        this.type = type;
        this.data = data;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public static PictureInfo getInstance(Object obj) {
        if (obj instanceof PictureInfo picture) {
            return picture;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("SES_ESPictrueInfo", 4, 4);
        String type = f.get(0).ia5("SES_ESPictrueInfo.type");
        DerNode dataNode = f.get(1).expect(DerNode.OCTET_STRING, "SES_ESPictrueInfo.data");
        if (dataNode.contentLength() > node.limits().maxPictureBytes()) {
            throw new SesFormatException(SesFormatException.TOO_LARGE, "seal picture of " + dataNode.contentLength()
                    + " bytes exceeds the limit of " + node.limits().maxPictureBytes());
        }
        int width = f.get(2).intValue("SES_ESPictrueInfo.width", 0, MAX_SIZE_MM);
        int height = f.get(3).intValue("SES_ESPictrueInfo.height", 0, MAX_SIZE_MM);
        return new PictureInfo(type, dataNode.content(), width, height, node);
    }

    public String type() {
        return type;
    }

    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    public int widthMm() {
        return widthMm;
    }

    public int heightMm() {
        return heightMm;
    }

    private static String checkType(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("picture type required (e.g. PNG)");
        }
        return type;
    }

    private static int checkSize(int mm) {
        if (mm <= 0 || mm > MAX_SIZE_MM) {
            throw new IllegalArgumentException("picture size must be 1.." + MAX_SIZE_MM + " mm: " + mm);
        }
        return mm;
    }
}
