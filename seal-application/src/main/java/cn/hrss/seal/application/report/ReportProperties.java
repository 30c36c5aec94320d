package cn.hrss.seal.application.report;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

/**
 * PDF reports ({@code seal.application.report.*}).
 *
 * @param font        a TrueType font (.ttf, or .ttc whose first TrueType-outline face is used) with Chinese glyphs;
 *                    when not set, the first of {@code fontSearch} that exists
 * @param fontSearch  where to look for such a font (CFF/OpenType faces such as Noto CJK cannot be embedded by PDFBox)
 */
public record ReportProperties(
        Path font,
        @DefaultValue({"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"})
        List<String> fontSearch) {
    public static final String PREFIX = "seal.application.report";

    public ReportProperties {
        fontSearch = fontSearch == null ? List.of() : List.copyOf(fontSearch);
    }
}
