package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.OfdDocument.Box;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/** Turns a placement into the StampAnnot boxes of a signature. */
final class StampLayout {

    /**
     * One StampAnnot: the picture is drawn into {@code boundary}; {@code clip} (relative to the boundary, or null)
     * limits what is shown.
     */
    record Stamp(OfdDocument.Page page, Box boundary, Box clip) {
    }

    private StampLayout() {
    }

    static List<Stamp> layout(OfdPlacement placement, OfdDocument document, OfdPackage pkg, double widthMm,
                              double heightMm) {
        if (placement instanceof OfdPlacement.At at) {
            return List.of(new Stamp(document.page(at.pageIndex()),
                    new Box(at.xMm(), at.yMm(), widthMm, heightMm), null));
        }
        if (placement instanceof OfdPlacement.Keyword k) {
            return List.of(keyword(k.keyword(), document, pkg, widthMm, heightMm));
        }
        return riding(((OfdPlacement.Riding) placement).yMm(), document, pkg, widthMm, heightMm);
    }

    /** Page i shows slice i of n at the right edge: the boundary is shifted left so that slice falls on the page. */
    private static List<Stamp> riding(double y, OfdDocument document, OfdPackage pkg, double width,
                                      double height) {
        int n = document.pages().size();
        if (n < 2) {
            throw OfdException.badPlacement("a riding seal needs at least two pages");
        }
        double slice = width / n;
        List<Stamp> stamps = new ArrayList<>();
        for (OfdDocument.Page page : document.pages()) {
            int i = page.index();
            double x = document.area(pkg, page).width() - (i + 1) * slice;
            stamps.add(new Stamp(page, new Box(x, y, width, height), new Box(i * slice, 0, slice, height)));
        }
        return stamps;
    }

    /**
     * Text objects carry Boundary (x y w h), Size (font size, mm) and TextCode X/Y (baseline, relative to the
     * boundary). Glyph advances are approximated by the font size, good enough to centre a stamp on a word.
     */
    private static Stamp keyword(String keyword, OfdDocument document, OfdPackage pkg, double width,
                                 double height) {
        for (OfdDocument.Page page : document.pages()) {
            String path = page.contentPath();
            NodeList texts = OfdXml.parse(pkg.get(path), path).getElementsByTagNameNS("*", "TextObject");
            for (int t = 0; t < texts.getLength(); t++) {
                Element text = (Element) texts.item(t);
                for (Element code : OfdXml.children(text, "TextCode")) {
                    int at = code.getTextContent().indexOf(keyword);
                    if (at < 0) {
                        continue;
                    }
                    Box boundary = Box.parse(text.getAttribute("Boundary"), path);
                    double size = number(text.getAttribute("Size"), path);
                    double x = boundary.x() + number(code.getAttribute("X"), path) + at * size;
                    double baseline = boundary.y() + number(code.getAttribute("Y"), path);
                    double centreX = x + keyword.length() * size / 2;
                    double centreY = baseline - size / 2;
                    return new Stamp(page, new Box(centreX - width / 2, centreY - height / 2, width, height), null);
                }
            }
        }
        throw OfdException.badPlacement("keyword not found in any text object");
    }

    private static double number(String value, String path) {
        try {
            return value.isEmpty() ? 0 : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw OfdException.malformed("/" + path + ": bad number in a text object");
        }
    }
}
