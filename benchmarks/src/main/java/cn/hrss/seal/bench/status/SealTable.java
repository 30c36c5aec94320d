package cn.hrss.seal.bench.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The seals of a benchmark database, as a pure function of their index: {@code seals} registered seals, every
 * {@code seals / revoked}-th of them revoked, everything else VALID and within its validity period at
 * {@code now}. What {@code register} and {@code recordChange(REVOKED)} would have stored for them is derived from the
 * same functions, so the loader, the benchmarks and the tests agree on every row without keeping any list.
 *
 * @param seals   number of registered seals
 * @param revoked how many of them are revoked; must divide {@code seals}
 * @param now     the time the table describes (milliseconds); revocations and registrations lie before it
 */
record SealTable(int seals, int revoked, Instant now) {
    static final String REVOCATION_REASON = "cancelled";
    static final String UNIT_NAME = "Benchmark unit";
    static final String SEAL_NAME = "Contract seal";
    static final String REGION_CODE = "110100";
    private static final Duration VALIDITY = Duration.ofDays(3 * 365);
    /** Registrations spread over the year before now, one every few seconds. */
    private static final Duration REGISTRATION_SPAN = Duration.ofDays(365);

    SealTable {
        if (seals < 1 || revoked < 0 || revoked > seals || (revoked > 0 && seals % revoked != 0)) {
            throw new IllegalArgumentException("need 1 <= seals, 0 <= revoked <= seals, revoked dividing seals: "
                    + seals + ", " + revoked);
        }
        now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The target size of the issue: 10^6 seals of which 10^5 revoked. */
    static SealTable target(Instant now) {
        return new SealTable(1_000_000, 100_000, now);
    }

    /** The esID of seal {@code i} (0-based): region code and a fixed-width sequence number. */
    String esId(int i) {
        return REGION_CODE + "-ES" + String.format("%010d", i);
    }

    boolean isRevoked(int i) {
        return revoked > 0 && i % (seals / revoked) == 0;
    }

    /** When seal {@code i} was registered; also its validity start, so it is VALID from registration. */
    Instant registeredAt(int i) {
        long spanMillis = REGISTRATION_SPAN.toMillis();
        return now.minus(REGISTRATION_SPAN).plusMillis(spanMillis * i / seals);
    }

    Instant validStart(int i) {
        return registeredAt(i);
    }

    Instant validEnd(int i) {
        return validStart(i).plus(VALIDITY);
    }

    /** When a revoked seal was revoked: halfway between its registration and now. */
    Instant revokedAt(int i) {
        Instant start = registeredAt(i);
        return start.plusMillis(Duration.between(start, now).toMillis() / 2);
    }

    /** The certificate serial of seal {@code i}, hex as the module stores it. */
    String certificateSerial(int i) {
        return String.format("%016X", 0x5EA1_0000_0000_0000L + i);
    }
}
