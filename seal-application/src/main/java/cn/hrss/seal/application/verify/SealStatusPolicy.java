package cn.hrss.seal.application.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a seal's status decides: the status in force at the signing time counts. With a time stamp that time is
 * proven, so a seal revoked (or suspended, or expired) only later still gives PASSED, the later change named in the
 * reason; without one the signing time is only the validation time, so the current status decides.
 */
public final class SealStatusPolicy {
    public static final String SEAL_REVOKED = "SEAL_REVOKED";
    public static final String SEAL_SUSPENDED = "SEAL_SUSPENDED";
    public static final String SEAL_EXPIRED = "SEAL_EXPIRED";
    public static final String SEAL_UNKNOWN = "SEAL_UNKNOWN";
    /** PASSED: valid when signed, the status changed since. */
    public static final String CHANGED_AFTER_SIGNING = "STATUS_CHANGED_AFTER_SIGNING";
    /** INDETERMINATE: the status system could not be asked or its answer could not be trusted. */
    public static final String STATUS_UNAVAILABLE = "STATUS_UNAVAILABLE";

    private SealStatusPolicy() {
    }

    /** The status vocabulary of GB/T 38540 status systems (mirrors the status module's, without depending on it). */
    public enum State { VALID, SUSPENDED, REVOKED, EXPIRED, UNKNOWN }

    /** What a status system answered for one time. */
    public record Answer(State state, Optional<Instant> since, Optional<String> reason) {
        public Answer {
            Objects.requireNonNull(state, "state");
            since = since == null ? Optional.empty() : since;
            reason = reason == null ? Optional.empty() : reason;
        }

        String describe() {
            return state + since.map(s -> " since " + s).orElse("") + reason.map(r -> " (" + r + ")").orElse("");
        }
    }

    /**
     * @param atSigning the status at {@code time.at()}
     * @param current   the status now, asked only when the signing time is proven (to name a later change)
     */
    public static CheckResult judge(String esId, SigningTime time, Answer atSigning, Optional<Answer> current) {
        String prefix = "seal " + esId + ": ";
        String when = time.proven() ? " at the time-stamped signing time " + time.at()
                : " now (" + time.at() + "; no time stamp proves an earlier signing time)";
        return switch (atSigning.state()) {
            case VALID -> current.filter(c -> time.proven() && c.state() != State.VALID)
                    .map(c -> CheckResult.passed(Check.SEAL_STATUS, CHANGED_AFTER_SIGNING, prefix + "VALID" + when
                            + "; " + c.describe() + " - the signature was made before that, as the time stamp proves"))
                    .orElseGet(() -> CheckResult.passed(Check.SEAL_STATUS, prefix + "VALID" + when
                            + atSigning.reason().map(r -> " (" + r + ")").orElse("")));
            case SUSPENDED -> CheckResult.failed(Check.SEAL_STATUS, SEAL_SUSPENDED, prefix + atSigning.describe()
                    + when);
            case REVOKED -> CheckResult.failed(Check.SEAL_STATUS, SEAL_REVOKED, prefix + atSigning.describe() + when);
            case EXPIRED -> CheckResult.failed(Check.SEAL_STATUS, SEAL_EXPIRED, prefix + atSigning.describe() + when);
            case UNKNOWN -> CheckResult.indeterminate(Check.SEAL_STATUS, SEAL_UNKNOWN, prefix
                    + "the status system has no record of this seal" + when);
        };
    }

    /** The status system could not answer (offline, timeout, bad signature...). */
    public static CheckResult unavailable(String esId, String why) {
        return CheckResult.indeterminate(Check.SEAL_STATUS, STATUS_UNAVAILABLE, "seal " + esId + ": " + why);
    }
}
