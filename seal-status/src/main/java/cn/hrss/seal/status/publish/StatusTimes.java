package cn.hrss.seal.status.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one time format of everything the status system signs: UTC, fixed width, milliseconds, e.g. 2026-01-02T03:04:05.678Z. */
public final class StatusTimes {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StatusTimes() {
    }

    public static String format(Instant time) {
        return FORMAT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }
}
