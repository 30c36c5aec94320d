package cn.hrss.seal.application.pdf;

import cn.hrss.seal.core.error.SealException;

/** Stable error codes of PDF signing and reading. */
public final class PdfErrors {
    /** Not a readable PDF (syntax, truncation, missing trailer). */
    public static final String MALFORMED = "PDF_MALFORMED";
    /** Larger than the configured limit. */
    public static final String TOO_LARGE = "PDF_TOO_LARGE";
    /** Encrypted PDFs are not signed (the signature would cover ciphertext the signer never saw). */
    public static final String ENCRYPTED = "PDF_ENCRYPTED";
    /** The placement does not fit the document: page missing, centre outside the page, too few pages. */
    public static final String BAD_PLACEMENT = "PDF_BAD_PLACEMENT";
    /** The keyword of a keyword placement does not occur in the text. */
    public static final String KEYWORD_NOT_FOUND = "PDF_KEYWORD_NOT_FOUND";
    /** The CMS grew beyond the space reserved in /Contents (for example a TSA with a long chain). */
    public static final String SIGNATURE_TOO_LARGE = "PDF_SIGNATURE_TOO_LARGE";
    /** BouncyCastle could not build the CMS (a device or configuration fault, not the caller's input). */
    public static final String CMS_FAILED = "PDF_CMS_FAILED";

    private PdfErrors() {
    }

    static SealException badRequest(String code, String message) {
        return SealException.badRequest(code, message);
    }
}
