package cn.hrss.seal.application.verification;

import cn.hrss.seal.core.ses.SesParser;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What an uploaded document is, recognised by its bytes (never by the file name a client sends). */
public enum DocumentType {
    /** A PDF: {@code %PDF-} within the first kilobyte, as readers accept it. */
    PDF,
    /** An OFD: a ZIP package that names OFD.xml (GB/T 33190 entry point). */
    OFD,
    /** A DER GB/T 38540 SES_Signature over detached data. */
    SES_SIGNATURE;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OFD_ENTRY = "OFD.xml".getBytes(StandardCharsets.US_ASCII);
    private static final int PDF_HEADER_WINDOW = 1024;

    public static Optional<DocumentType> detect(byte[] document) {
        if (indexOf(document, PDF_MAGIC, Math.min(document.length, PDF_HEADER_WINDOW)) >= 0) {
            return Optional.of(PDF);
        }
        if (startsWith(document, ZIP_MAGIC)) {
            // the entry name is stored in clear in the local and central headers; a truncated package is
            // still an OFD whose verification reports the damage
            return indexOf(document, OFD_ENTRY, document.length) >= 0 ? Optional.of(OFD) : Optional.empty();
        }
        if (document.length > 0 && document[0] == 0x30 && isSesSignature(document)) {
            return Optional.of(SES_SIGNATURE);
        }
        return Optional.empty();
    }

    private static boolean isSesSignature(byte[] document) {
        try {
            new SesParser().parseSignature(document);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && indexOf(bytes, prefix, prefix.length) == 0;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int limit) {
        outer:
        for (int i = 0; i + needle.length <= limit; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
