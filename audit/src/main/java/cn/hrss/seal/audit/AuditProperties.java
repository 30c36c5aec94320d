package cn.hrss.seal.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code seal.audit.*}.
 *
 * @param keyLabel           label of the SM2 checkpoint key in the cipher device (generated if absent)
 * @param checkpointEvery    sign a checkpoint after this many records
 * @param checkpointInterval and at least this often while records keep arriving (bounds the unsigned tail in time)
 */
@Validated
@ConfigurationProperties("seal.audit")
public record AuditProperties(
        @DefaultValue("audit") @NotBlank String keyLabel,
        @DefaultValue("1000") @Min(1) @Max(1_000_000) int checkpointEvery,
        @DefaultValue("5m") @NotNull Duration checkpointInterval) {

    public AuditProperties {
        if (checkpointInterval != null && checkpointInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("seal.audit.checkpoint-interval must be at least 1s");
        }
    }
}
