package cn.hrss.seal.making.api;

/** Event: application rejected by a reviewer. */
public record SealApplicationRejected(String applicationId, String reviewer) {
}
