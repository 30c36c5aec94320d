package cn.hrss.seal.application.verify;

/**
 * The status of a seal in a status system (the node's own ledger, another node over HTTP, a revocation list), judged
 * by {@link SealStatusPolicy} at the {@link SigningTime}. {@link #notChecked()} is the honest offline answer.
 */
@FunctionalInterface
public interface SealStatusSource {
    String NOT_CHECKED = "NOT_CHECKED";

    /** A {@link Check#SEAL_STATUS} result for the seal {@code esId} of a signature made at {@code time}. */
    CheckResult status(String esId, SigningTime time);

    /** Offline verification: INDETERMINATE "not checked", informational so it does not decide the verdict. */
    static SealStatusSource notChecked() {
        return (esId, time) -> CheckResult.indeterminate(Check.SEAL_STATUS, NOT_CHECKED,
                "seal " + esId + ": status not checked (offline verification)").informational();
    }
}
