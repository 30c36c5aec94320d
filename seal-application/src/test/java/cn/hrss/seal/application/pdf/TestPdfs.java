package cn.hrss.seal.application.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Small PDFs with known text at known places, written without object streams so bytes can be found and flipped. */
final class TestPdfs {
    static final String TITLE = "Labour Contract AAAA";
    static final float FONT_SIZE = 12;
    static final float TEXT_X = 100;
    static final float KEYWORD_X = 320;
    static final float KEYWORD_BASELINE = 200;
    static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private TestPdfs() {
    }

    /** One A4 page per text; the last page also has the keyword at (KEYWORD_X, KEYWORD_BASELINE). */
    static byte[] pages(String keyword, String... texts) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(TITLE);
            for (int i = 0; i < texts.length; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    text(content, TEXT_X, 700, texts[i]);
                    if (keyword != null && i == texts.length - 1) {
                        text(content, KEYWORD_X, KEYWORD_BASELINE, keyword);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-page PDF encrypted with AES-128 and the given user password (may be empty). */
    static byte[] encrypted(String userPassword) {
        try (PDDocument document = Loader.loadPDF(onePage())) {
            document.protect(new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] onePage() {
        return pages(null, "Page one of the contract.");
    }

    private static void text(PDPageContentStream content, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(FONT, FONT_SIZE);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
