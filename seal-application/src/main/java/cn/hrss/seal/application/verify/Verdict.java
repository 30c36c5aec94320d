package cn.hrss.seal.application.verify;

/** The tri-state outcome of a check, a signature or a document (EU DSS style). */
public enum Verdict {
    PASSED, INDETERMINATE, FAILED;

    /** The worse of two verdicts: FAILED over INDETERMINATE over PASSED. */
    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
