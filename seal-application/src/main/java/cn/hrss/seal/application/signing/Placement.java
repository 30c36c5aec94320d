package cn.hrss.seal.application.signing;

import cn.hrss.seal.application.ofd.OfdPlacement;
import cn.hrss.seal.application.pdf.StampPlacement;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SealView;

import java.util.Optional;

/**
 * Where the stamp goes, the same way for PDF and OFD: the stamp centred at ({@code x}, {@code y}) millimetres from
 * the top-left corner of page {@code page} (from 1), or centred on a keyword, or a riding seal (骑缝章) across all
 * pages centred {@code y} mm below the top (default {@value #RIDING_Y_DEFAULT} mm, about mid-page on A4). Exactly one
 * form; 400 {@code PLACEMENT_INVALID} otherwise.
 */
public record Placement(Optional<Integer> page, Optional<Double> x, Optional<Double> y, Optional<String> keyword,
                        boolean riding) {
    public static final String INVALID = "PLACEMENT_INVALID";
    public static final double RIDING_Y_DEFAULT = 148.0;
    private static final double MAX_MM = 5000;

    public Placement {
        boolean at = page.isPresent() || x.isPresent();
        boolean byKeyword = keyword.isPresent();
        int forms = (at ? 1 : 0) + (byKeyword ? 1 : 0) + (riding ? 1 : 0);
        if (forms != 1) {
            throw invalid("give exactly one placement: page + x + y, keyword, or riding + y");
        }
        if (at && (page.isEmpty() || x.isEmpty() || y.isEmpty())) {
            throw invalid("page, x and y go together");
        }
        if (page.isPresent() && page.get() < 1) {
            throw invalid("pages are numbered from 1");
        }
        for (Optional<Double> mm : java.util.List.of(x, y)) {
            if (mm.isPresent() && (!Double.isFinite(mm.get()) || mm.get() < 0 || mm.get() > MAX_MM)) {
                throw invalid("coordinates are millimetres between 0 and " + (int) MAX_MM);
            }
        }
        if (byKeyword && (keyword.get().isBlank() || keyword.get().length() > 100)) {
            throw invalid("keyword must be 1..100 characters");
        }
    }

    public static Placement at(int page, double x, double y) {
        return new Placement(Optional.of(page), Optional.of(x), Optional.of(y), Optional.empty(), false);
    }

    public static Placement keyword(String keyword) {
        return new Placement(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(keyword), false);
    }

    public static Placement riding(double y) {
        return new Placement(Optional.empty(), Optional.empty(), Optional.of(y), Optional.empty(), true);
    }

    StampPlacement forPdf() {
        if (riding) {
            return StampPlacement.ridingSeal(y.orElse(RIDING_Y_DEFAULT));
        }
        return keyword.map(StampPlacement::keyword)
                .orElseGet(() -> StampPlacement.at(page.orElseThrow(), x.orElseThrow(), y.orElseThrow()));
    }

    /** OFD places the picture's top-left corner and counts pages from 0. */
    OfdPlacement forOfd(SealView.Picture picture) {
        if (riding) {
            return OfdPlacement.riding(Math.max(0, y.orElse(RIDING_Y_DEFAULT) - picture.heightMm() / 2.0));
        }
        return keyword.map(OfdPlacement::keyword).orElseGet(() -> OfdPlacement.at(page.orElseThrow() - 1,
                Math.max(0, x.orElseThrow() - picture.widthMm() / 2.0),
                Math.max(0, y.orElseThrow() - picture.heightMm() / 2.0)));
    }

    private static SealException invalid(String message) {
        return SealException.badRequest(INVALID, message);
    }
}
