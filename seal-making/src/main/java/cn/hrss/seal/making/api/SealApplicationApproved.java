package cn.hrss.seal.making.api;

/** Event: application approved by a reviewer, with a signed review record. */
public record SealApplicationApproved(String applicationId, String reviewer) {
}
