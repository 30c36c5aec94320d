package cn.hrss.seal.audit.api;

/** How the audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    /** Refused by an authorisation or approval rule. */
    DENIED
}
