package cn.hrss.seal.status.api;

/**
 * What the status system says about a seal. {@link #UNKNOWN} is never stored: it is the answer for an esID the
 * system has no record of (or a time before the seal's record begins).
 */
public enum SealStatus {
    /** Usable. */
    VALID,
    /** Temporarily unusable, e.g. after a loss report (挂失); may return to {@link #VALID}. */
    SUSPENDED,
    /** Permanently unusable (注销, or replaced after change/loss); terminal. */
    REVOKED,
    /** The validity period ended; terminal. */
    EXPIRED,
    /** No record of this seal at the time asked. */
    UNKNOWN;

    /** Whether the status belongs on the seal revocation list. */
    public boolean listed() {
        return this == SUSPENDED || this == REVOKED;
    }
}
