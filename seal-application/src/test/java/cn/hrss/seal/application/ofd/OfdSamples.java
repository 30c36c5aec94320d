package cn.hrss.seal.application.ofd;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal hand-made OFD packages (A4 pages, one text object per line) and ZIP helpers for malformed input.
 * Public for interop-ofdrw.
 */
public final class OfdSamples {
    private static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

    private OfdSamples() {
    }

    /** One page per element; each page shows its lines at 12 mm spacing from (20, 30), 5 mm font. */
    public static byte[] document(List<List<String>> pages) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD " + NS
                + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0c2d9b3e</ofd:DocID>"
                + "<ofd:CreationDate>2026-06-01</ofd:CreationDate></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        StringBuilder pageList = new StringBuilder();
        int id = 2;
        int maxId = 1 + pages.size() * 3;
        for (int p = 0; p < pages.size(); p++) {
            pageList.append("<ofd:Page ID=\"").append(id++).append("\" BaseLoc=\"Pages/Page_").append(p)
                    .append("/Content.xml\"/>");
        }
        files.put("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document " + NS
                + "><ofd:CommonData><ofd:MaxUnitID>" + (maxId + 10) + "</ofd:MaxUnitID><ofd:PageArea>"
                + "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>" + pageList
                + "</ofd:Pages></ofd:Document>");
        files.put("Doc_0/PublicRes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res " + NS
                + " BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"SimSun\" FamilyName=\"SimSun\"/>"
                + "</ofd:Fonts></ofd:Res>");
        for (int p = 0; p < pages.size(); p++) {
            StringBuilder texts = new StringBuilder();
            List<String> lines = pages.get(p);
            for (int l = 0; l < lines.size(); l++) {
                texts.append("<ofd:TextObject ID=\"").append(id++).append("\" Boundary=\"20 ").append(30 + 12 * l)
                        .append(" 170 10\" Font=\"1\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"6\">")
                        .append(lines.get(l)).append("</ofd:TextCode></ofd:TextObject>");
            }
            files.put("Doc_0/Pages/Page_" + p + "/Content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<ofd:Page " + NS + "><ofd:Content><ofd:Layer ID=\"" + (id++) + "\">" + texts
                    + "</ofd:Layer></ofd:Content></ofd:Page>");
        }
        return zip(files);
    }

    public static byte[] zip(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return zipBytes(bytes);
    }

    public static byte[] zipBytes(Map<String, byte[]> files) {
        return OfdPackage.zip(files);
    }

    /** The files of a package, for tests that tamper with one entry. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        OfdPackage pkg = OfdPackage.read(zip, OfdLimits.DEFAULT);
        pkg.paths().forEach(p -> files.put(p, pkg.get(p)));
        return files;
    }
}
