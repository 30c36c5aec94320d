package cn.hrss.seal.making.api;

/** Event: loss reported, the seal is suspended. */
public record SealLossReported(String sealId, String esId, String actor, String reason, String successorApplicationId) {
}
