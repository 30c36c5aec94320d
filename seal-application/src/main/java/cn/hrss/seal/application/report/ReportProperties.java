package cn.hrss.seal.application.report;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.List;

/**
 * PDF reports ({@code seal.application.report.*}).
 *
 * @param font        a TrueType font (.ttf, or .ttc whose first TrueType-outline face is used) with Chinese glyphs;
 *                    when not set, the first of {@code fontSearch} that exists
 * @param fontSearch  where to look for such a font (CFF/OpenType faces such as Noto CJK cannot be embedded by PDFBox)
 */
@Validated
@ConfigurationProperties("seal.application.report")
public record ReportProperties(
        Path font,
        @DefaultValue({"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"})
        @NotNull List<Path> fontSearch) {

    public ReportProperties {
        fontSearch = List.copyOf(fontSearch);
    }
}
