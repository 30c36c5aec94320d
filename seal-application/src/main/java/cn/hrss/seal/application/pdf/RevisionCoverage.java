package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.core.crypto.Sm3;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;

/**
 * Judges what was appended after a signature's revision (EU DSS practice, simplified): a signature that covers the
 * whole file is fine; later revisions are fine if the file ends with another signature's revision and every page's
 * content stream and the page count are unchanged (typical: further seals); page content changes are FAILED;
 * unsigned later changes with unchanged pages are INDETERMINATE. Not compared: resources behind unchanged content
 * streams, form field values, annotations other than the page contents (see docs/PDF-SIGNATURES.md).
 */
final class RevisionCoverage {
    static final String WHOLE_DOCUMENT = "WHOLE_DOCUMENT";
    static final String LATER_SIGNATURES_ONLY = "LATER_SIGNATURES_ONLY";
    static final String UNSIGNED_CHANGES = "UNSIGNED_CHANGES";
    static final String PAGES_MODIFIED = "PAGES_MODIFIED";

    private RevisionCoverage() {
    }

    static CheckResult judge(byte[] pdf, PDDocument whole, long signedEnd, Collection<Long> signatureEnds) {
        long end = contentEnd(pdf);
        if (signedEnd >= end) {
            return CheckResult.passed(Check.DOCUMENT_INTEGRITY, WHOLE_DOCUMENT,
                    "SM3 digest matches; the signature covers the whole document");
        }
        try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, (int) signedEnd))) {
            String change = pageChange(signed, whole);
            if (change != null) {
                return CheckResult.failed(Check.DOCUMENT_INTEGRITY, PAGES_MODIFIED,
                        "SM3 digest matches, but after signing " + change);
            }
        } catch (IOException | RuntimeException e) {
            return CheckResult.indeterminate(Check.DOCUMENT_INTEGRITY, UNSIGNED_CHANGES,
                    "SM3 digest matches; the signed revision cannot be opened for comparison: " + e.getMessage());
        }
        boolean endsSigned = signatureEnds.stream().anyMatch(e -> e > signedEnd && e >= end);
        return endsSigned
                ? CheckResult.passed(Check.DOCUMENT_INTEGRITY, LATER_SIGNATURES_ONLY,
                "SM3 digest matches; later revisions add signatures and leave the pages unchanged")
                : CheckResult.indeterminate(Check.DOCUMENT_INTEGRITY, UNSIGNED_CHANGES,
                "SM3 digest matches; unsigned changes were appended later (pages unchanged)");
    }

    /** Length without trailing white space (some writers append an end-of-line after %%EOF). */
    private static long contentEnd(byte[] pdf) {
        int end = pdf.length;
        while (end > 0 && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r' || pdf[end - 1] == ' '
                || pdf[end - 1] == 0)) {
            end--;
        }
        return end;
    }

    /** A description of the first page difference, or null. */
    private static String pageChange(PDDocument signed, PDDocument whole) throws IOException {
        if (signed.getNumberOfPages() != whole.getNumberOfPages()) {
            return "the page count changed from " + signed.getNumberOfPages() + " to " + whole.getNumberOfPages();
        }
        for (int i = 0; i < signed.getNumberOfPages(); i++) {
            if (!Arrays.equals(contentDigest(signed, i), contentDigest(whole, i))) {
                return "the content of page " + (i + 1) + " changed";
            }
        }
        return null;
    }

    private static byte[] contentDigest(PDDocument document, int page) throws IOException {
        try (InputStream contents = document.getPage(page).getContents()) {
            return Sm3.hash(contents);
        }
    }
}
