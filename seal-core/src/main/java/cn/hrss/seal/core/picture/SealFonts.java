package cn.hrss.seal.core.picture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;

/**
 * Picks the font for seal text. Physical official seals use a Song (Ming) face, so serif CJK fonts come first;
 * {@code scripts/setup-machine.sh} installs Noto Serif CJK (Debian {@code fonts-noto-cjk}). Without any CJK font
 * the logical {@code SansSerif} font is used: rendering still works, but glyphs may come out as boxes.
 */
final class SealFonts {
    private static final Logger log = LoggerFactory.getLogger(SealFonts.class);
    static final String FALLBACK = Font.SANS_SERIF;
    private static final List<String> PREFERRED = List.of(
            "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "SimSun", "Songti SC",
            "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Droid Sans Fallback");

    private SealFonts() {
    }

    /** The first preferred family installed, else the fallback. */
    static String defaultFamily() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String family : PREFERRED) {
            if (installed.contains(family)) {
                return family;
            }
        }
        log.warn("no CJK font found (install fonts-noto-cjk); seal pictures fall back to {}", FALLBACK);
        return FALLBACK;
    }
}
