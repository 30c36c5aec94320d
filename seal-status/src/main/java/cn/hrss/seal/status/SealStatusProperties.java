package cn.hrss.seal.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Configuration of the seal status system ({@code seal.status.*}).
 *
 * @param issuer  the name of this status system in revocation lists
 * @param signer  which device key signs status answers and lists
 * @param cache   current-status cache
 * @param srl     revocation list publishing
 * @param expiry  the job that expires seals past their validity
 */
@Validated
@ConfigurationProperties("seal.status")
public record SealStatusProperties(
        @DefaultValue("HRSS seal status") @NotBlank String issuer,
        @DefaultValue @Valid @NotNull Signer signer,
        @DefaultValue @Valid @NotNull Cache cache,
        @DefaultValue @Valid @NotNull Srl srl,
        @DefaultValue @Valid @NotNull Expiry expiry) {

    /**
     * @param keyLabel          label of the SM2 key in the cipher device
     * @param generateIfMissing create the key when the device lacks it (development only; on a node the CA
     *                          module creates {@code node-system})
     */
    public record Signer(@DefaultValue("node-system") @NotBlank String keyLabel,
                         @DefaultValue("false") boolean generateIfMissing) {
    }

    /**
     * @param timeToLive bound on how stale another node's cached answer can be; answers carry it as nextUpdate
     * @param maxEntries entries kept on heap
     */
    public record Cache(@DefaultValue("PT30S") @NotNull Duration timeToLive,
                        @DefaultValue("200000") @Min(1) long maxEntries) {
        @AssertTrue(message = "timeToLive must be positive")
        boolean isTimeToLivePositive() {
            return timeToLive != null && timeToLive.compareTo(Duration.ZERO) > 0;
        }
    }

    /**
     * @param validity      nextUpdate - thisUpdate: a list is republished before it runs out
     * @param checkInterval how often the node checks whether a list is due
     * @param debounce      changes within this window are published together
     * @param retained      how many published lists are kept (the newest ones)
     */
    public record Srl(@DefaultValue("PT1H") @NotNull Duration validity,
                      @DefaultValue("PT1M") @NotNull Duration checkInterval,
                      @DefaultValue("PT1S") @NotNull Duration debounce,
                      @DefaultValue("10") @Min(1) @Max(10000) int retained) {
        @AssertTrue(message = "validity, checkInterval and debounce must be positive and checkInterval < validity")
        boolean isConsistent() {
            return validity != null && checkInterval != null && debounce != null
                    && !checkInterval.isNegative() && !checkInterval.isZero() && !debounce.isNegative()
                    && !debounce.isZero() && checkInterval.compareTo(validity) < 0;
        }
    }

    /**
     * @param interval  how often VALID seals past their validity end are moved to EXPIRED
     * @param batchSize seals expired per database round trip
     */
    public record Expiry(@DefaultValue("PT10M") @NotNull Duration interval,
                         @DefaultValue("500") @Min(1) @Max(100000) int batchSize) {
        @AssertTrue(message = "interval must be positive")
        boolean isIntervalPositive() {
            return interval != null && interval.compareTo(Duration.ZERO) > 0;
        }
    }
}
