package cn.hrss.seal.application.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What is signed: a PDF, an OFD (each gets an embedded signature and a stamp) or data (detached SES_Signature). */
public enum DocumentKind {
    PDF("application/pdf"), OFD("application/ofd"), DATA("application/octet-stream");

    private final String signedContentType;

    DocumentKind(String signedContentType) {
        this.signedContentType = signedContentType;
    }

    /** Content type of the signing result (the signed document, or the DER SES_Signature for data). */
    public String signedContentType() {
        return signedContentType;
    }

    /** Whether the bytes look like this kind (magic bytes); data is anything. */
    public boolean looksLike(byte[] content) {
        return switch (this) {
            case PDF -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case OFD -> startsWith(content, new byte[] {'P', 'K', 3, 4});
            case DATA -> true;
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
