package cn.hrss.seal.application.ofd;

import java.util.Objects;

/**
 * Where the seal picture goes, in OFD page coordinates: millimetres, origin at the top left of the page. The stamp
 * size is the picture size the seal declares (SES_ESPictrueInfo width/height).
 */
public sealed interface OfdPlacement {

    /** The stamp's top-left corner at (x, y) on page {@code pageIndex} (from 0). */
    static OfdPlacement at(int pageIndex, double xMm, double yMm) {
        return new At(pageIndex, xMm, yMm);
    }

    /** The stamp centred on the first occurrence of {@code keyword} in the pages' text objects. */
    static OfdPlacement keyword(String keyword) {
        return new Keyword(keyword);
    }

    /**
     * A riding seal (骑缝章) across every page: each page shows its slice of the picture at its right edge, the
     * stamp's top at {@code yMm}. Needs at least two pages.
     */
    static OfdPlacement riding(double yMm) {
        return new Riding(yMm);
    }

    record At(int pageIndex, double xMm, double yMm) implements OfdPlacement {
        public At {
            if (!Double.isFinite(xMm) || !Double.isFinite(yMm)) {
                throw new IllegalArgumentException("coordinates must be finite");
            }
        }
    }

    record Keyword(String keyword) implements OfdPlacement {
        public Keyword {
            Objects.requireNonNull(keyword);
            if (keyword.isBlank()) {
                throw new IllegalArgumentException("keyword must not be blank");
            }
        }
    }

    record Riding(double yMm) implements OfdPlacement {
        public Riding {
            if (!Double.isFinite(yMm)) {
                throw new IllegalArgumentException("coordinates must be finite");
            }
        }
    }
}
