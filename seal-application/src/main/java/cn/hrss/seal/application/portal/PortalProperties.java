package cn.hrss.seal.application.portal;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The public verification portal ({@code seal.application.portal.*}).
 *
 * @param maxUploadSize the largest document a citizen may upload; larger is refused with HTTP 413 and a message.
 *                      Keep it at or below {@code spring.servlet.multipart.max-file-size}.
 */
@Validated
@ConfigurationProperties(PortalProperties.PREFIX)
public record PortalProperties(@DefaultValue("20MB") @NotNull DataSize maxUploadSize) {
    public static final String PREFIX = "seal.application.portal";

    /** Checked here as well, so that a record made in code is as valid as a bound one. */
    public PortalProperties {
        if (maxUploadSize == null || maxUploadSize.toBytes() < 1 || maxUploadSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(PREFIX + ".max-upload-size must be 1 byte..2 GB");
        }
    }

    /** The limit for people: "20 MB", "300 KB". */
    String maxUploadSizeText() {
        long bytes = maxUploadSize.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
    }
}
