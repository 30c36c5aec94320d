package cn.hrss.seal.making.api;

import java.time.Instant;

/** Event: seal renewed with a new validity and certificate; selfService when the holder signed the request. */
public record SealRenewed(String sealId, String esId, String actor, Instant validTo, boolean selfService) {
}
