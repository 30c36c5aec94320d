package cn.hrss.seal.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand, so time-driven behaviour (timeouts, expiry, next updates) is tested without
 * sleeping: a base clock (fixed or running) plus an offset the test advances.
 */
public final class MutableClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    /** Starts at {@code start} and stands still until advanced. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** Follows {@code base}, shifted by the offset. */
    public MutableClock(Clock base) {
        this.base = base;
    }

    /** Follows the system clock, shifted by the offset. */
    public static MutableClock ofSystem() {
        return new MutableClock(Clock.systemUTC());
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
