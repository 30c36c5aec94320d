package cn.hrss.seal.application.pdf;

import java.util.Objects;

/**
 * Where the visible stamp goes. Lengths are millimetres measured from the top-left corner of the page's crop box
 * (as a person measures on paper); positions name the centre of the stamp. Pages are numbered from 1.
 */
public sealed interface StampPlacement {

    /** The stamp centred at (x, y) mm on the given page. */
    static StampPlacement at(int page, double xMm, double yMm) {
        return new At(page, xMm, yMm);
    }

    /** The stamp centred on the last occurrence of the keyword in the document (signature lines come last). */
    static StampPlacement keyword(String keyword) {
        return new Keyword(keyword);
    }

    /** A riding seal (骑缝章) across all pages at the right edge, centred y mm below the top of each page. */
    static StampPlacement ridingSeal(double yMm) {
        return new RidingSeal(yMm);
    }

    record At(int page, double xMm, double yMm) implements StampPlacement {
        public At {
            if (page < 1) {
                throw new IllegalArgumentException("pages are numbered from 1");
            }
        }
    }

    record Keyword(String keyword) implements StampPlacement {
        public Keyword {
            if (Objects.requireNonNull(keyword, "keyword").isBlank()) {
                throw new IllegalArgumentException("keyword must not be blank");
            }
        }
    }

    record RidingSeal(double yMm) implements StampPlacement {
    }
}
