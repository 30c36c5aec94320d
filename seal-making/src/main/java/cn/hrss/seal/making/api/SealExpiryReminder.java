package cn.hrss.seal.making.api;

import java.time.Instant;

/** Event: the seal expires within the configured reminder window. */
public record SealExpiryReminder(String sealId, String esId, String unitCreditCode, Instant validTo) {
}
