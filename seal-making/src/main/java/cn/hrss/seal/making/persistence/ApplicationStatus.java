package cn.hrss.seal.making.persistence;

/** SUBMITTED -> APPROVED -> MADE, or SUBMITTED -> REJECTED. */
public enum ApplicationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    MADE
}
