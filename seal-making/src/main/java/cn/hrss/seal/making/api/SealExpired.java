package cn.hrss.seal.making.api;

import java.time.Instant;

/** Event: validity ended; the seal is marked expired. */
public record SealExpired(String sealId, String esId, Instant validTo) {
}
