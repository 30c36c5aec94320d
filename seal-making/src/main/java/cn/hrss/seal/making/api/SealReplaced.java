package cn.hrss.seal.making.api;

/** Event: seal replaced (carrier damaged); it is revoked and a successor application opened. */
public record SealReplaced(String sealId, String esId, String actor, String reason, String successorApplicationId) {
}
