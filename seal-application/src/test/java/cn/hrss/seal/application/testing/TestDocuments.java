package cn.hrss.seal.application.testing;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Documents for signing tests. */
public final class TestDocuments {
    private TestDocuments() {
    }

    /** An uncompressed one-page PDF titled and showing {@code title}, so a test can find and change its bytes. */
    public static byte[] onePagePdf(String title) {
        return pdf(title, title);
    }

    /**
     * An uncompressed PDF with one page per text (Helvetica: ASCII only), so a test can find keywords and change
     * bytes.
     */
    public static byte[] pdf(String title, String... pageTexts) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            for (String text : pageTexts) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(100, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
