package cn.hrss.seal.core.picture;

import cn.hrss.seal.core.error.SealException;

/** A seal picture was refused. Codes are stable; messages say which limit was hit. */
public final class PictureException extends SealException {
    public static final String UNSUPPORTED_TYPE = "PICTURE_UNSUPPORTED_TYPE";
    public static final String TOO_LARGE = "PICTURE_TOO_LARGE";
    public static final String BAD_DIMENSIONS = "PICTURE_BAD_DIMENSIONS";
    public static final String CORRUPT = "PICTURE_CORRUPT";
    public static final String BAD_TEXT = "PICTURE_BAD_TEXT";

    PictureException(String code, int httpStatus, String message) {
        super(code, httpStatus, message);
    }

    static PictureException unsupportedType(String message) {
        return new PictureException(UNSUPPORTED_TYPE, 415, message);
    }

    static PictureException tooLarge(String message) {
        return new PictureException(TOO_LARGE, 413, message);
    }

    static PictureException badDimensions(String message) {
        return new PictureException(BAD_DIMENSIONS, 400, message);
    }

    static PictureException corrupt(String message) {
        return new PictureException(CORRUPT, 400, message);
    }

    static PictureException badText(String message) {
        return new PictureException(BAD_TEXT, 400, message);
    }
}
