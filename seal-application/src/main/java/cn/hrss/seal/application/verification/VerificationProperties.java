package cn.hrss.seal.application.verification;

import org.springframework.boot.context.properties.bind.DefaultValue;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Verification on this node ({@code seal.application.verification.*}).
 *
 * @param trustedRoots    PEM files, or directories of {@code *.pem} files re-read when they change, of roots
 *                        trusted besides this node's CA root (other nodes' seal CAs, other CAs)
 * @param maxDocumentSize the largest document (and detached data) accepted; larger is 413 DOCUMENT_TOO_LARGE
 * @param onlineTimeout   how long to wait for another CA's OCSP responder
 */
@Validated
@ConfigurationProperties(VerificationProperties.PREFIX)
public record VerificationProperties(
        @DefaultValue({}) @NotNull List<String> trustedRoots,
        @DefaultValue("20MB") @NotNull DataSize maxDocumentSize,
        @DefaultValue("PT5S") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration onlineTimeout) {
    public static final String PREFIX = "seal.application.verification";

    /** Checked here as well, so that a record made in code is as valid as a bound one. */
    public VerificationProperties {
        trustedRoots = trustedRoots == null ? List.of() : List.copyOf(trustedRoots);
        if (maxDocumentSize == null || maxDocumentSize.toBytes() < 1
                || maxDocumentSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(PREFIX + ".max-document-size must be 1 byte..2 GB");
        }
        if (onlineTimeout == null || onlineTimeout.toMillis() < 100 || onlineTimeout.toMinutes() > 1) {
            throw new IllegalArgumentException(PREFIX + ".online-timeout must be 100 ms..1 min");
        }
    }
}
