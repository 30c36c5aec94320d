package cn.hrss.seal.application.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the last occurrence of a keyword in a document's text and returns the centre of its glyph boxes in PDF
 * user space. Text is matched as PDFBox extracts it (sorted by position, words separated by one space, lines by a
 * newline), so a keyword does not match across lines.
 */
final class KeywordLocator extends PDFTextStripper {
    /** Page (0-based) and centre in PDF user space (points, origin lower-left). */
    record Location(int pageIndex, float x, float y) {
    }

    private final StringBuilder text = new StringBuilder();
    /** One entry per char of {@link #text}; null for separators. */
    private final List<TextPosition> positions = new ArrayList<>();

    private KeywordLocator() {
        setSortByPosition(true);
    }

    static Optional<Location> lastOccurrence(PDDocument document, String keyword) throws IOException {
        KeywordLocator locator = new KeywordLocator();
        for (int pageIndex = document.getNumberOfPages() - 1; pageIndex >= 0; pageIndex--) {
            Optional<Location> found = locator.lastOnPage(document, pageIndex, keyword);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Location> lastOnPage(PDDocument document, int pageIndex, String keyword) throws IOException {
        text.setLength(0);
        positions.clear();
        setStartPage(pageIndex + 1);
        setEndPage(pageIndex + 1);
        getText(document);
        int start = text.lastIndexOf(keyword);
        if (start < 0) {
            return Optional.empty();
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        for (int i = start; i < start + keyword.length(); i++) {
            TextPosition p = positions.get(i);
            if (p != null) {
                left = Math.min(left, p.getXDirAdj());
                right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                bottom = Math.max(bottom, p.getYDirAdj());
            }
        }
        // Text positions are relative to the crop box's lower-left corner, y measured downwards from its top.
        PDRectangle crop = document.getPage(pageIndex).getCropBox();
        float x = crop.getLowerLeftX() + (left + right) / 2;
        float y = crop.getUpperRightY() - (top + bottom) / 2;
        return Optional.of(new Location(pageIndex, x, y));
    }

    @Override
    protected void writeString(String string, List<TextPosition> textPositions) {
        for (TextPosition position : textPositions) {
            String unicode = position.getUnicode();
            if (unicode == null) {
                continue;
            }
            for (int i = 0; i < unicode.length(); i++) {
                text.append(unicode.charAt(i));
                positions.add(position);
            }
        }
    }

    @Override
    protected void writeWordSeparator() {
        separator(' ');
    }

    @Override
    protected void writeLineSeparator() {
        separator('\n');
    }

    private void separator(char c) {
        text.append(c);
        positions.add(null);
    }
}
