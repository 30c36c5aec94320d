package cn.hrss.seal.application.pdf;

/**
 * Bounds on untrusted PDF input. PDFBox holds the whole document in memory (and a signed range is hashed from
 * memory), so the byte limit bounds memory.
 *
 * @param maxBytes largest accepted document
 * @param maxPages largest page count accepted for signing (riding seals and keyword search walk every page)
 */
public record PdfLimits(int maxBytes, int maxPages) {
    public static final PdfLimits DEFAULT = new PdfLimits(32 * 1024 * 1024, 2000);

    public PdfLimits {
        if (maxBytes <= 0 || maxPages <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
