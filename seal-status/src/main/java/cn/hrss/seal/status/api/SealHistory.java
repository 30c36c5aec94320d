package cn.hrss.seal.status.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A seal as a status system holds it: the registration and the status versions, oldest first (version 1 is the
 * registration as VALID). Answers "what was the status at time T" the same way the ledger does: the latest version
 * that began at or before T.
 */
public record SealHistory(SealRegistration registration, List<Version> versions) {

    /** One status the seal had from {@code since}. */
    public record Version(long version, SealStatus status, Instant since, String reason) {
        public Version {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(since, "since");
        }
    }

    public SealHistory {
        Objects.requireNonNull(registration, "registration");
        versions = versions.stream().sorted(Comparator.comparingLong(Version::version)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a held seal has at least its registration version");
        }
    }

    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    public SealStatusRecord current() {
        Version v = latest();
        return new SealStatusRecord(registration.esId(), v.status(), v.since(), v.reason());
    }

    /**
     * UNKNOWN before the registration's first version began; a VALID seal past its validity end reads EXPIRED from
     * that end, as in the ledger.
     */
    public SealStatusRecord at(Instant time) {
        Version found = null;
        for (Version v : versions) {
            if (!v.since().isAfter(time) && (found == null || v.version() > found.version())) {
                found = v;
            }
        }
        if (found == null) {
            return SealStatusRecord.unknown(registration.esId());
        }
        if (found.status() == SealStatus.VALID && !time.isBefore(registration.validEnd())) {
            Instant since = registration.validEnd().isBefore(found.since()) ? found.since() : registration.validEnd();
            return new SealStatusRecord(registration.esId(), SealStatus.EXPIRED, since, "validity period ended");
        }
        return new SealStatusRecord(registration.esId(), found.status(), found.since(), found.reason());
    }
}
