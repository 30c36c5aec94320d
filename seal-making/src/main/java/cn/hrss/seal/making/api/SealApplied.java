package cn.hrss.seal.making.api;

/** Event: application submitted by an operator. */
public record SealApplied(String applicationId, String applicant, SealScope scope, String predecessorSealId) {
}
