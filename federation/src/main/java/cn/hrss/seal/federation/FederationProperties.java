package cn.hrss.seal.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code seal.federation.*}: how this node checks signed messages and delivers its outbox.
 *
 * @param clockSkew      largest accepted difference between a message timestamp and this node's clock
 * @param replayGuard    where nonces are remembered: AUTO (the database when there is one), JDBC or MEMORY
 * @param replayCacheSize nonces the in-memory replay guard remembers (fails closed when full)
 * @param maxBodySize    largest message body accepted or sent
 * @param destinations   destination name (as passed to the outbox) to the base URI of that node
 */
@Validated
@ConfigurationProperties("seal.federation")
public record FederationProperties(
        @NotNull @DefaultValue("5m") Duration clockSkew,
        @NotNull @DefaultValue("AUTO") ReplayGuardKind replayGuard,
        @Min(100) @DefaultValue("100000") int replayCacheSize,
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue Map<String, URI> destinations,
        @NotNull @Valid @DefaultValue Http http,
        @NotNull @Valid @DefaultValue Outbox outbox) {

    public FederationProperties {
        if (clockSkew.isNegative() || clockSkew.isZero()) {
            throw new IllegalArgumentException("seal.federation.clock-skew must be positive");
        }
        destinations.forEach((name, uri) -> {
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("seal.federation.destinations." + name
                        + " must be an absolute http(s) URI");
            }
        });
        destinations = Map.copyOf(destinations);
    }

    /** Where the nonces of accepted messages are kept. */
    public enum ReplayGuardKind { AUTO, JDBC, MEMORY }

    /** The signing HTTP client. */
    public record Http(@NotNull @DefaultValue("5s") Duration connectTimeout,
                       @NotNull @DefaultValue("30s") Duration requestTimeout) {
    }

    /**
     * The outbox dispatcher.
     *
     * @param dispatcherEnabled false on nodes (or tests) that dispatch by calling the dispatcher themselves
     * @param pollInterval      pause between dispatch rounds
     * @param batchSize         messages per destination per round
     * @param initialBackoff    wait after the first failed attempt; doubles with each further failure
     * @param maxBackoff        longest wait between attempts
     * @param jitter            fraction of the wait taken off at random, so many nodes do not retry in step
     */
    public record Outbox(@DefaultValue("true") boolean dispatcherEnabled,
                         @NotNull @DefaultValue("5s") Duration pollInterval,
                         @Min(1) @Max(10000) @DefaultValue("100") int batchSize,
                         @NotNull @DefaultValue("5s") Duration initialBackoff,
                         @NotNull @DefaultValue("15m") Duration maxBackoff,
                         @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double jitter) {
        public Outbox {
            if (pollInterval.isNegative() || pollInterval.isZero() || initialBackoff.isNegative()
                    || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "seal.federation.outbox: poll-interval and initial-backoff must be positive and"
                                + " max-backoff at least initial-backoff");
            }
        }
    }
}
