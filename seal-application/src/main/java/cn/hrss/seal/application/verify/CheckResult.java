package cn.hrss.seal.application.verify;

import java.util.Objects;

/**
 * The outcome of one check with a stable code (machines) and a reason (people).
 *
 * @param decisive false for results that are reported but, under the policy in force, do not change the verdict;
 *                 used for revocation status during offline verification, which is reported as INDETERMINATE
 *                 "NOT_CHECKED" rather than a pretended PASSED
 */
public record CheckResult(Check check, Verdict verdict, String code, String reason, boolean decisive) {
    public static final String OK = "OK";

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    public static CheckResult passed(Check check, String reason) {
        return new CheckResult(check, Verdict.PASSED, OK, reason, true);
    }

    public static CheckResult passed(Check check, String code, String reason) {
        return new CheckResult(check, Verdict.PASSED, code, reason, true);
    }

    public static CheckResult failed(Check check, String code, String reason) {
        return new CheckResult(check, Verdict.FAILED, code, reason, true);
    }

    public static CheckResult indeterminate(Check check, String code, String reason) {
        return new CheckResult(check, Verdict.INDETERMINATE, code, reason, true);
    }

    /** Reported, but not counted in the verdict. */
    public CheckResult informational() {
        return new CheckResult(check, verdict, code, reason, false);
    }

    /** Same verdict and code under another check (a time-stamp chain failure is a TIME_STAMP failure). */
    public CheckResult as(Check other, String prefix) {
        return new CheckResult(other, verdict, code, prefix + reason, decisive);
    }
}
