package cn.hrss.seal.making.api;

/** Event: seal cancelled (revoked) and its certificate revoked. */
public record SealCancelled(String sealId, String esId, String actor, String reason) {
}
