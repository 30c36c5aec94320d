package cn.hrss.seal.making.api;

/** Event: seal changed (unit or name changed); it is revoked and a successor application opened. */
public record SealChanged(String sealId, String esId, String actor, String reason, String successorApplicationId) {
}
