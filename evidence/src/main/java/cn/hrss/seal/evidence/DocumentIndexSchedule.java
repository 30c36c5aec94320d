package cn.hrss.seal.evidence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * When the evidence document index is filled from the leaves ({@code seal.evidence.document-index.*}). Each fill
 * writes one run (fewer, larger runs mean fewer merges and fewer runs for a lookup to read); every waiting leaf is read
 * by each lookup of a document.
 *
 * @param tick        how often the waiting leaves are counted
 * @param batchLeaves fill the index when this many leaves wait
 * @param maxDelay    or when leaves have waited this long since the last fill
 */
@Validated
@ConfigurationProperties("seal.evidence.document-index")
record DocumentIndexSchedule(@DefaultValue("PT1S") @NotNull Duration tick,
                             @DefaultValue("2048") @Min(1) @Max(100_000) int batchLeaves,
                             @DefaultValue("PT30S") @NotNull Duration maxDelay) {
}
