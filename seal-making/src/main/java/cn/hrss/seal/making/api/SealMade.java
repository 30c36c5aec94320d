package cn.hrss.seal.making.api;

import java.time.Instant;

/** Event: seal made, or a cross-industry seal completed with its national code; esId is null while it waits. */
public record SealMade(String sealId, String esId, SealState state, String unitCreditCode, Instant validFrom,
                       Instant validTo, String predecessorSealId) {
}
