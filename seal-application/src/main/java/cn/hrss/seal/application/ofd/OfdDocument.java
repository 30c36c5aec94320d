package cn.hrss.seal.application.ofd;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What signing and verification need from the first document of an OFD package: where Document.xml and
 * Signatures.xml are, and each page's Content.xml and size in millimetres.
 *
 * @param signaturesPath package path of Signatures.xml, empty when the document was never signed
 */
record OfdDocument(String documentPath, Optional<String> signaturesPath, List<Page> pages,
                   Optional<Box> defaultArea) {
    static final String OFD_XML = "OFD.xml";

    /** One page; {@code index} counts from 0 in document order, {@code id} is the page's object ID. */
    record Page(int index, String id, String contentPath) {
    }

    static OfdDocument read(OfdPackage pkg) {
        Element docBody = docBody(OfdXml.parse(pkg.get(OFD_XML), OFD_XML));
        String documentPath = OfdLoc.resolve(OFD_XML, OfdXml.text(OfdXml.required(docBody, "DocRoot", OFD_XML)));
        Optional<String> signatures = OfdXml.child(docBody, "Signatures")
                .map(e -> OfdLoc.resolve(OFD_XML, OfdXml.text(e)));
        Element document = OfdXml.parse(pkg.get(documentPath), documentPath).getDocumentElement();
        Optional<Box> defaultArea = OfdXml.child(document, "CommonData").flatMap(c -> OfdXml.child(c, "PageArea"))
                .map(a -> physicalBox(a, documentPath));
        List<Page> pages = new ArrayList<>();
        for (Element page : OfdXml.children(OfdXml.required(document, "Pages", documentPath), "Page")) {
            pages.add(new Page(pages.size(), page.getAttribute("ID"),
                    OfdLoc.resolve(documentPath, page.getAttribute("BaseLoc"))));
        }
        if (pages.isEmpty()) {
            throw OfdException.malformed("/" + documentPath + " has no pages");
        }
        return new OfdDocument(documentPath, signatures, List.copyOf(pages), defaultArea);
    }

    /** The page's physical box: its own Area, else the document's default. Parses the page only when asked. */
    Box area(OfdPackage pkg, Page page) {
        String path = page.contentPath();
        Element content = OfdXml.parse(pkg.get(path), path).getDocumentElement();
        return OfdXml.child(content, "Area").map(a -> physicalBox(a, path)).or(() -> defaultArea)
                .orElseThrow(() -> OfdException.malformed("/" + path + " has no page area and the document no default"));
    }

    /** The directory that holds Signatures.xml and Sign_N directories: existing one, else {@code Doc_N/Signs/}. */
    String signsDirectory() {
        return signaturesPath.map(OfdLoc::directory).orElse(OfdLoc.directory(documentPath) + "Signs/");
    }

    Page page(int index) {
        if (index < 0 || index >= pages.size()) {
            throw OfdException.badPlacement("page " + index + " out of range 0.." + (pages.size() - 1));
        }
        return pages.get(index);
    }

    static Element docBody(Document ofdXml) {
        Element root = ofdXml.getDocumentElement();
        if (!"OFD".equals(root.getLocalName())) {
            throw OfdException.malformed("/OFD.xml root is not OFD");
        }
        return OfdXml.required(root, "DocBody", OFD_XML);
    }

    /** An ST_Box "x y w h" in millimetres. */
    record Box(double x, double y, double width, double height) {
        static Box parse(String value, String path) {
            String[] parts = value.trim().split("\\s+");
            try {
                if (parts.length == 4) {
                    return new Box(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                            Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw OfdException.malformed("/" + path + ": bad box \"" + abbreviate(value) + "\"");
        }

        String format() {
            return num(x) + " " + num(y) + " " + num(width) + " " + num(height);
        }
    }

    /** Millimetres with at most three decimals and no trailing zeros ("25.5", "40"). */
    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static Box physicalBox(Element area, String path) {
        return Box.parse(OfdXml.text(OfdXml.required(area, "PhysicalBox", path)), path);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
