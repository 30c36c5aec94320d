package cn.hrss.seal.application.ofd;

import cn.hrss.seal.core.error.SealException;

import java.util.Map;

/** Errors of OFD signing and reading, with stable codes (docs/OFD-SIGNATURES.md). */
public final class OfdException extends SealException {
    /** Not a readable OFD package: broken ZIP, missing or unparsable OFD.xml/Document.xml, bad paths, DTDs. */
    public static final String MALFORMED = "OFD_MALFORMED";
    /** Entry count, entry size or total uncompressed size above {@link OfdLimits}. */
    public static final String TOO_LARGE = "OFD_TOO_LARGE";
    /** The placement cannot be applied: page out of range, keyword not found, riding seal on one page. */
    public static final String BAD_PLACEMENT = "OFD_BAD_PLACEMENT";
    /** An existing signature protects Signatures.xml, so no further signature can be added (pitfall 16). */
    public static final String DOCUMENT_LOCKED = "OFD_DOCUMENT_LOCKED";

    private OfdException(String code, int status, String message, Throwable cause) {
        super(code, status, message, Map.of(), cause);
    }

    static OfdException malformed(String message) {
        return new OfdException(MALFORMED, 400, message, null);
    }

    static OfdException malformed(String message, Throwable cause) {
        return new OfdException(MALFORMED, 400, message, cause);
    }

    static OfdException tooLarge(String message) {
        return new OfdException(TOO_LARGE, 400, message, null);
    }

    static OfdException documentLocked(String message) {
        return new OfdException(DOCUMENT_LOCKED, 409, message, null);
    }

    static OfdException badPlacement(String message) {
        return new OfdException(BAD_PLACEMENT, 400, message, null);
    }
}
