package cn.hrss.seal.bench.application;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The unsigned documents the benchmarks sign: A4 pages of text, as a contract or a certificate of employment. */
final class BenchDocuments {
    /** Lines of text per page: about a page of a typed contract. */
    static final int LINES_PER_PAGE = 40;
    private static final String OFD_NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

    private BenchDocuments() {
    }

    /** A PDF of {@code pages} A4 pages, {@value #LINES_PER_PAGE} lines of Helvetica text on each, compressed. */
    static byte[] pdf(int pages) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument()) {
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(16);
                    content.newLineAtOffset(60, 780);
                    for (int line = 1; line <= LINES_PER_PAGE; line++) {
                        content.showText(line(p, line));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page OFD package with {@value #LINES_PER_PAGE} text objects. */
    static byte[] ofd() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD " + OFD_NS
                + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>6b656e63686d61726b</ofd:DocID>"
                + "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        files.put("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document " + OFD_NS
                + "><ofd:CommonData><ofd:MaxUnitID>" + (LINES_PER_PAGE + 10) + "</ofd:MaxUnitID><ofd:PageArea>"
                + "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>"
                + "<ofd:Page ID=\"2\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>");
        files.put("Doc_0/PublicRes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res " + OFD_NS
                + " BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"SimSun\" FamilyName=\"SimSun\"/>"
                + "</ofd:Fonts></ofd:Res>");
        StringBuilder texts = new StringBuilder();
        for (int line = 1; line <= LINES_PER_PAGE; line++) {
            texts.append("<ofd:TextObject ID=\"").append(line + 3).append("\" Boundary=\"20 ").append(10 + 6 * line)
                    .append(" 170 5\" Font=\"1\" Size=\"3.5\"><ofd:TextCode X=\"0\" Y=\"3.5\">")
                    .append(line(1, line)).append("</ofd:TextCode></ofd:TextObject>");
        }
        files.put("Doc_0/Pages/Page_0/Content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page "
                + OFD_NS + "><ofd:Content><ofd:Layer ID=\"3\">" + texts + "</ofd:Layer></ofd:Content></ofd:Page>");
        return zip(files);
    }

    private static String line(int page, int line) {
        return "Page " + page + ", clause " + line + ": the employer and the employee agree on the terms below.";
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
