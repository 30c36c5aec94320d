package cn.hrss.seal.core.picture;

/** An uploaded picture that passed {@link PictureCheck}: its type and decoded size in pixels. */
public record CheckedPicture(PictureType type, int widthPx, int heightPx) {

    /** The SES picture for a physical seal of the given size (a scan is stored at its physical size). */
    public SealPicture toSealPicture(byte[] data, int widthMm, int heightMm) {
        return new SealPicture(type.sesType(), data, widthMm, heightMm);
    }
}
