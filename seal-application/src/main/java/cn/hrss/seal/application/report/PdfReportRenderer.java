package cn.hrss.seal.application.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a {@link ReportView} as an A4 PDF: the verdict, the document checks and, per signature, the seal (details
 * and picture) and every check with its verdict, code and reason. Labels in the {@link ReportLanguage}.
 */
public final class PdfReportRenderer {
    private static final float MARGIN = 50;
    private static final float TEXT = 10;
    private static final float SMALL = 8.5f;
    private static final float LEADING = 1.45f;
    private static final float PICTURE_MAX = 90;
    private static final Color PASSED = new Color(0x1b, 0x7f, 0x3b);
    private static final Color FAILED = new Color(0xb0, 0x1e, 0x1e);
    private static final Color INDETERMINATE = new Color(0xa0, 0x62, 0x00);

    private final ReportFont font;

    PdfReportRenderer(ReportFont font) {
        this.font = font;
    }

    public byte[] render(ReportView report, ReportLanguage language) {
        try (PDDocument document = new PDDocument(); ReportFont.Loaded loaded = font.load(document)) {
            document.getDocumentInformation().setTitle(language.text("title"));
            document.getDocumentInformation().setCreator("HRSS electronic seal verification");
            try (Writer out = new Writer(document, loaded.font())) {
                write(out, report, language);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer out, ReportView report, ReportLanguage l) throws IOException {
        out.line(l.text("title"), 16, Color.BLACK);
        out.gap(6);
        out.line(l.text("verdict") + ": " + l.text(report.verdict()), 14, color(report.verdict()));
        out.line(l.text("validationTime") + ": " + report.validationTime(), TEXT, Color.BLACK);
        out.line(l.text("documentType") + ": " + report.documentType(), TEXT, Color.BLACK);
        out.gap(8);
        out.line(l.text("documentChecks"), 12, Color.BLACK);
        checks(out, report.documentChecks(), l);
        if (report.signatures().isEmpty()) {
            out.line(l.text("noSignatures"), TEXT, Color.BLACK);
        }
        int n = 0;
        for (ReportView.SignatureView signature : report.signatures()) {
            out.gap(10);
            out.line(l.text("signature") + " " + (++n) + " \"" + signature.name() + "\": "
                    + l.text(signature.verdict()), 12, color(signature.verdict()));
            out.picture(signature.picture(), signature.sealPictureType());
            field(out, l, "sealName", signature.sealName());
            field(out, l, "esId", signature.esId());
            field(out, l, "sealMaker", signature.sealMaker());
            field(out, l, "sealValidity", signature.sealValidFrom() == null ? null
                    : signature.sealValidFrom() + " - " + signature.sealValidTo());
            field(out, l, "signer", signature.signer());
            field(out, l, "claimedTime", signature.claimedTime());
            field(out, l, "timeStampTime", signature.timeStampTime());
            out.gap(4);
            checks(out, signature.checks(), l);
        }
    }

    private static void field(Writer out, ReportLanguage l, String label, String value) throws IOException {
        out.line(l.text(label) + ": " + (value == null ? l.text("none") : value), TEXT, Color.BLACK);
    }

    private static void checks(Writer out, List<ReportView.CheckView> checks, ReportLanguage l) throws IOException {
        for (ReportView.CheckView check : checks) {
            out.line("- " + l.text(check.check()) + ": " + l.text(check.verdict()) + " [" + check.code() + "]"
                    + (check.decisive() ? "" : l.text("informational")), TEXT, color(check.verdict()));
            out.indented(check.reason(), SMALL);
        }
    }

    private static Color color(String verdict) {
        return switch (verdict) {
            case "PASSED" -> PASSED;
            case "FAILED" -> FAILED;
            default -> INDETERMINATE;
        };
    }

    /** Lines top-down with wrapping and page breaks; characters the font lacks are shown as '?'. */
    private static final class Writer implements AutoCloseable {
        private final PDDocument document;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void line(String text, float size, Color color) throws IOException {
            write(text, size, color, 0);
        }

        void indented(String text, float size) throws IOException {
            write(text, size, Color.DARK_GRAY, 14);
        }

        void gap(float points) {
            y -= points;
        }

        void picture(Optional<byte[]> picture, String type) throws IOException {
            String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (picture.isEmpty() || !(t.equals("png") || t.equals("jpg") || t.equals("jpeg")
                    || t.equals("gif") || t.equals("bmp"))) {
                return;
            }
            PDImageXObject image;
            try {
                image = PDImageXObject.createFromByteArray(document, picture.get(), "seal");
            } catch (IOException | RuntimeException e) {
                return; // a picture we cannot draw is not a reason to withhold the report
            }
            float scale = Math.min(PICTURE_MAX / image.getWidth(), PICTURE_MAX / image.getHeight());
            float w = image.getWidth() * scale;
            float h = image.getHeight() * scale;
            ensure(h + 4);
            stream.drawImage(image, MARGIN, y - h, w, h);
            y -= h + 4;
        }

        private void write(String text, float size, Color color, float indent) throws IOException {
            for (String line : wrap(safe(text), size, width - indent)) {
                ensure(size * LEADING);
                y -= size * LEADING;
                stream.beginText();
                stream.setNonStrokingColor(color);
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(line);
                stream.endText();
            }
        }

        private List<String> wrap(String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (current.length() > 0 && font.getStringWidth(current + ch) / 1000 * size > max) {
                    // break at the last space when there is one on the line (Latin text), else anywhere (Chinese)
                    int space = current.lastIndexOf(" ");
                    if (space > 0 && !Character.isWhitespace(cp)) {
                        lines.add(current.substring(0, space));
                        current.delete(0, space + 1);
                    } else {
                        lines.add(current.toString());
                        current.setLength(0);
                    }
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
            return lines;
        }

        private String safe(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
