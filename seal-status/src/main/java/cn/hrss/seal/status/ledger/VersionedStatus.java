package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusRecord;

import java.time.Instant;

/**
 * A seal's stored status with its version (0: not registered), so an older answer never replaces a newer one in the
 * cache, and its validity end, so a VALID seal reads as EXPIRED from that moment even before the expiry job ran.
 */
record VersionedStatus(long version, SealStatusRecord stored, Instant validEnd) {
    static final String EXPIRY_REASON = "validity period ended";

    static VersionedStatus unregistered(String esId) {
        return new VersionedStatus(0, SealStatusRecord.unknown(esId), null);
    }

    /** The status in force at {@code time} (at or after the stored status began). */
    SealStatusRecord asOf(Instant time) {
        return expiredBy(stored, validEnd, time);
    }

    static SealStatusRecord expiredBy(SealStatusRecord stored, Instant validEnd, Instant time) {
        if (stored.status() == SealStatus.VALID && validEnd != null && !time.isBefore(validEnd)) {
            Instant since = validEnd.isBefore(stored.since()) ? stored.since() : validEnd;
            return new SealStatusRecord(stored.esId(), SealStatus.EXPIRED, since, EXPIRY_REASON);
        }
        return stored;
    }
}
