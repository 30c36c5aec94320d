package cn.hrss.seal.federation.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesPerFailureUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 0.2, () -> 0.0);
        assertThat(backoff.afterFailure(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.afterFailure(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.afterFailure(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.afterFailure(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.afterFailure(1000)).as("no overflow").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterOnlyShortensTheWaitByAtMostItsFraction() {
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 0.2, () -> 0.999999).afterFailure(1))
                .isBetween(Duration.ofSeconds(8), Duration.ofMillis(8001));
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 0.2, () -> 0.5).afterFailure(2))
                .isEqualTo(Duration.ofSeconds(18));
        assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1.0, () -> 0.999999).afterFailure(1))
                .as("never zero").isEqualTo(Duration.ofMillis(1));
    }
}
