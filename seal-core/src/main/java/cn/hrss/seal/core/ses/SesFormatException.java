package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.error.SealException;

import java.util.Map;

/**
 * The only exception the SES parsers throw for bad input. The code is stable and documented in
 * docs/FORMATS.md; the message names the offending field but never echoes input bytes.
 */
public final class SesFormatException extends SealException {
    /** Structure, tag, field count or field value not as GB/T 38540 / GM/T 0031 define it. */
    public static final String MALFORMED = "SES_MALFORMED";
    /** The input ends before a declared length. */
    public static final String TRUNCATED = "SES_TRUNCATED";
    /** Recognisable SES structure of a version we do not read (e.g. "v5", header.version 3). */
    public static final String UNSUPPORTED_VERSION = "SES_UNSUPPORTED_VERSION";
    /** Input, picture, nesting depth or element count above the configured {@link SesLimits}. */
    public static final String TOO_LARGE = "SES_TOO_LARGE";

    public SesFormatException(String code, String message) {
        super(code, 400, message, Map.of(), null);
    }

    public SesFormatException(String code, String message, Throwable cause) {
        super(code, 400, message, Map.of(), cause);
    }

    public static SesFormatException malformed(String message) {
        return new SesFormatException(MALFORMED, message);
    }
}
