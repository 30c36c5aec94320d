package cn.hrss.seal.federation.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential back-off with jitter: the n-th consecutive failure waits initial * 2^(n-1), capped, minus jitter. */
record Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {

    Duration afterFailure(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 40);
        long initialMillis = initial.toMillis();
        long capped = initialMillis > (max.toMillis() >> doublings) ? max.toMillis() : initialMillis << doublings;
        long jittered = Math.round(capped * (1.0 - jitter * random.getAsDouble()));
        return Duration.ofMillis(Math.max(jittered, 1));
    }
}
