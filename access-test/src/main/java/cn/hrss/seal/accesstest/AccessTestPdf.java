package cn.hrss.seal.accesstest;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.servicemgmt.api.AccessTestResult;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The access-test report as a PDF for the reviewers' file: target, tester, verdict, every case with expected and
 * observed, and the SM3 of the signed JSON document it renders (the JSON and its signature are the record; the PDF
 * is a reading of it). Chinese text needs a TrueType CJK font (WenQuanYi Zen Hei from the machine's setup).
 */
final class AccessTestPdf {
    static final String FONT_UNAVAILABLE = "REPORT_FONT_UNAVAILABLE";
    private static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
    private static final float MARGIN = 50;

    private AccessTestPdf() {
    }

    static byte[] render(AccessTestResult result, String documentSm3) {
        Path fontFile = FONTS.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new SealException(
                FONT_UNAVAILABLE, 503, "no Chinese TrueType font for the PDF report: install fonts-wqy-zenhei"));
        try (PDDocument pdf = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(fontFile.toFile());
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            AtomicReference<TrueTypeFont> face = new AtomicReference<>();
            fonts.processAllFonts(f -> {
                if (face.get() == null && !(f instanceof OpenTypeFont otf && otf.isPostScript())) {
                    face.set(f);
                }
            });
            PDType0Font font = PDType0Font.load(pdf, face.get(), true);
            try (Lines out = new Lines(pdf, font)) {
                out.line("电子印章接入测试报告 / Access test report", 16, Color.BLACK);
                out.line("结论 Verdict: " + result.verdict(), 13,
                        result.verdict() == AccessTestResult.Verdict.PASSED ? new Color(0, 110, 0) : Color.RED);
                out.line("被测系统 Target: " + result.target().baseUrl(), 10, Color.DARK_GRAY);
                out.line("被测系统签名者 Target signer: " + result.target().signerId(), 9, Color.DARK_GRAY);
                out.line("测试方签名者 Tester signer: " + result.tester(), 9, Color.DARK_GRAY);
                out.line("测试套件 Suite: " + result.suite() + "   " + result.startedAt() + " .. "
                        + result.finishedAt(), 9, Color.DARK_GRAY);
                out.line("签名报告 SM3 of the signed JSON report: " + documentSm3, 9, Color.DARK_GRAY);
                for (AccessTestResult.CaseResult c : result.cases()) {
                    out.line(c.id() + "  " + c.outcome() + "  " + c.title(), 11,
                            c.outcome() == AccessTestResult.Outcome.PASSED ? Color.BLACK : Color.RED);
                    out.line("    预期 expected: " + c.expected(), 9, Color.DARK_GRAY);
                    out.line("    实际 observed: " + c.observed(), 9, Color.DARK_GRAY);
                }
            }
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SealException(FONT_UNAVAILABLE, 503, "the PDF report cannot be written: " + e.getMessage());
        }
    }

    /** Lines top-down with wrapping and page breaks. */
    private static final class Lines implements Closeable {
        private final PDDocument pdf;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Lines(PDDocument pdf, PDType0Font font) throws IOException {
            this.pdf = pdf;
            this.font = font;
            page();
        }

        void line(String text, float size, Color color) throws IOException {
            for (String part : wrap(text, size)) {
                if (y < MARGIN + size) {
                    page();
                }
                y -= size * 1.5f;
                stream.beginText();
                stream.setNonStrokingColor(color);
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(part);
                stream.endText();
            }
        }

        private List<String> wrap(String text, float size) throws IOException {
            float max = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = font.hasGlyph(cp) ? new String(Character.toChars(cp)) : "?";
                if (current.length() > 0 && font.getStringWidth(current + ch) / 1000 * size > max) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
            return lines;
        }

        private void page() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            stream = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
