package cn.hrss.seal.core.picture;

/** Image types accepted for uploaded seal scans, with their SES_ESPictrueInfo type string. */
public enum PictureType {
    PNG("PNG", "png"),
    JPEG("JPG", "jpeg");

    private final String sesType;
    private final String imageIoFormat;

    PictureType(String sesType, String imageIoFormat) {
        this.sesType = sesType;
        this.imageIoFormat = imageIoFormat;
    }

    /** The {@code type} string of SES_ESPictrueInfo. */
    public String sesType() {
        return sesType;
    }

    String imageIoFormat() {
        return imageIoFormat;
    }
}
