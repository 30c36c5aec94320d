package cn.hrss.seal.making.api;

/**
 * Where a made seal stands. {@link #AWAITING_NATIONAL_CODE} is the making system's own state for cross-industry
 * seals whose unique code the national platform has not assigned yet; the other four are the statuses the seal
 * status system publishes. REVOKED and EXPIRED are final, as in the status system.
 */
public enum SealState {
    AWAITING_NATIONAL_CODE,
    VALID,
    SUSPENDED,
    REVOKED,
    EXPIRED
}
