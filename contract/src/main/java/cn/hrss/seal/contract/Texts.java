package cn.hrss.seal.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Small helpers shared by the module's classes. */
final class Texts {
    private Texts() {
    }

    /** Canonical records are key=value lines: a line break in a value could forge another field. */
    static boolean oneLine(String value) {
        return value.chars().noneMatch(c -> c == '\n' || c == '\r');
    }

    /** Millisecond precision: what both databases store. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String clip(String value) {
        String v = String.valueOf(value);
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
