package cn.hrss.seal.application.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * PDF reports ({@code seal.application.report.*}).
 *
 * @param font        a TrueType font (.ttf, or .ttc whose first TrueType-outline face is used) with Chinese glyphs;
 *                    when not set, the first of {@code fontSearch} that exists
 * @param fontSearch  where to look for such a font (CFF/OpenType faces such as Noto CJK cannot be embedded by PDFBox)
 */
@ConfigurationProperties(ReportProperties.PREFIX)
public record ReportProperties(
        String font,
        List<String> fontSearch) {
    public static final String PREFIX = "seal.application.report";
    /** Debian's TrueType CJK fonts, best first. */
    public static final List<String> DEFAULT_FONT_SEARCH = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    /** A {@code null} search list means {@link #DEFAULT_FONT_SEARCH}. */
    public ReportProperties {
        fontSearch = fontSearch == null ? DEFAULT_FONT_SEARCH : List.copyOf(fontSearch);
    }
}
