package cn.hrss.seal.core.ses;

import java.util.List;

/**
 * The format-level checks of one seal signature. Certificate chain, revocation and seal status are checked by the
 * verification service on top of these.
 */
public record SesVerification(List<SesCheck> checks) {

    public SesVerification {
        checks = List.copyOf(checks);
    }

    /** FAILED if any check failed, else INDETERMINATE if any could not be decided, else PASSED. */
    public SesCheck.Status verdict() {
        if (checks.stream().anyMatch(c -> c.status() == SesCheck.Status.FAILED)) {
            return SesCheck.Status.FAILED;
        }
        if (checks.stream().anyMatch(c -> c.status() == SesCheck.Status.INDETERMINATE)) {
            return SesCheck.Status.INDETERMINATE;
        }
        return SesCheck.Status.PASSED;
    }

    public SesCheck check(SesCheck.Kind kind) {
        return checks.stream().filter(c -> c.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + kind));
    }
}
