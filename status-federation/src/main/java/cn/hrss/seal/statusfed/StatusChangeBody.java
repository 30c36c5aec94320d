package cn.hrss.seal.statusfed;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.status.api.EsIds;
import cn.hrss.seal.status.api.SealHistory;
import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The body of {@code status.change/1}: one new status version of a seal, with the seal's registration so that a
 * node that never saw it can hold it. Times are ISO-8601 instants.
 */
record StatusChangeBody(String esId, SealStatus previous, SealStatus status, Instant at, String reason, long version,
                        String regionCode, String unitName, String sealName, String certificateSerial,
                        Instant validStart, Instant validEnd) {

    static final String INVALID = "STATUS_CHANGE_INVALID";

    static StatusChangeBody of(SealHistory history, SealHistory.Version version, SealStatus previous) {
        SealRegistration r = history.registration();
        return new StatusChangeBody(r.esId(), previous, version.status(), version.since(), version.reason(),
                version.version(), r.regionCode(), r.unitName(), r.sealName(), r.certificateSerial(), r.validStart(),
                r.validEnd());
    }

    /** Every rule a receiver checks before it stores anything; 400 STATUS_CHANGE_INVALID otherwise. */
    StatusChangeBody validated() {
        try {
            EsIds.requireWellFormed(esId);
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
            if (status == SealStatus.UNKNOWN || version < 1 || (reason != null && reason.length() > 500)) {
                throw new IllegalArgumentException("status, version or reason out of range");
            }
            registration();
            return this;
        } catch (RuntimeException e) {
            throw SealException.badRequest(INVALID, "not a status change: " + e.getMessage());
        }
    }

    SealRegistration registration() {
        return new SealRegistration(esId, unitName, sealName, regionCode, certificateSerial, validStart, validEnd);
    }

    SealHistory.Version asVersion() {
        return new SealHistory.Version(version, status, at, reason);
    }
}
