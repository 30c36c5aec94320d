package cn.hrss.seal.status.ledger;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.status.api.EsIds;
import cn.hrss.seal.status.api.SealHistory;
import cn.hrss.seal.status.api.SealRegistration;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusChanged;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.status.persistence.SealStatusEntity;
import cn.hrss.seal.status.persistence.SealStatusMapper;
import cn.hrss.seal.status.persistence.StatusHistoryEntity;
import cn.hrss.seal.status.persistence.StatusHistoryMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The status ledger: current status per seal plus the append-only history, changed only along {@link Transitions}.
 * Concurrent writers are serialised by a compare-and-set on the row version; the loser re-reads and re-checks the
 * transition, so no change is lost or applied on top of a status it did not see.
 */
final class StatusLedger implements SealStatusService {
    private static final int MAX_ATTEMPTS = 5;
    /** How far a caller's clock may run ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_REASON = 500;

    private final SealStatusMapper seals;
    private final StatusHistoryMapper history;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final StatusCache cache;
    private final Clock clock;

    StatusLedger(SealStatusMapper seals, StatusHistoryMapper history, TransactionTemplate transactions,
                 ApplicationEventPublisher events, StatusCache cache, Clock clock) {
        this.seals = seals;
        this.history = history;
        this.transactions = transactions;
        this.events = events;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public SealStatusRecord register(SealRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        Instant now = now();
        Instant validStart = millis(registration.validStart());
        SealStatusEntity row = new SealStatusEntity();
        row.setEsId(registration.esId());
        row.setStatus(SealStatus.VALID);
        row.setSince(validStart);
        row.setValidStart(validStart);
        row.setValidEnd(millis(registration.validEnd()));
        row.setUnitName(registration.unitName());
        row.setSealName(registration.sealName());
        row.setRegionCode(registration.regionCode());
        row.setCertificateSerial(registration.certificateSerial());
        row.setRegisteredAt(now);
        row.setVersion(1);
        return transactions.execute(tx -> {
            try {
                seals.insert(row);
            } catch (DuplicateKeyException e) {
                throw SealException.conflict("SEAL_ALREADY_REGISTERED",
                        "seal " + registration.esId() + " is already registered");
            }
            history.insert(StatusHistoryEntity.of(row.getEsId(), 1, SealStatus.VALID, validStart, null, now));
            events.publishEvent(new SealStatusChanged(row.getEsId(), SealStatus.UNKNOWN, SealStatus.VALID,
                    validStart, null, 1));
            return new SealStatusRecord(row.getEsId(), SealStatus.VALID, validStart, null);
        });
    }

    @Override
    public SealStatusRecord recordChange(String esId, SealStatus newStatus, Instant at, String reason) {
        EsIds.requireWellFormed(esId);
        Objects.requireNonNull(newStatus, "newStatus");
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw SealException.badRequest("INVALID_STATUS_REASON",
                    "a status change needs a reason of 1.." + MAX_REASON + " characters");
        }
        Instant requested = at == null ? null : millis(at);
        if (requested != null && requested.isAfter(now().plus(CLOCK_SKEW))) {
            throw SealException.badRequest("STATUS_TIME_IN_FUTURE", "a status change cannot take effect in the future");
        }
        // "now" is taken after reading the row, and never before the current status: a concurrent writer that just
        // won must not turn this change into an out-of-order one
        EffectiveTime effective = requested != null ? current -> requested
                : current -> latest(now(), current.getSince());
        SealStatusRecord changed = change(esId, newStatus, effective, reason);
        if (changed == null) {
            throw SealException.notFound("SEAL_NOT_REGISTERED", "seal " + esId + " is not registered");
        }
        return changed;
    }

    @Override
    public SealStatusRecord renew(String esId, String certificateSerial, Instant validEnd, Instant at) {
        EsIds.requireWellFormed(esId);
        if (certificateSerial == null || certificateSerial.isBlank()) {
            throw SealException.badRequest("INVALID_CERTIFICATE_SERIAL", "a renewal needs the new certificate serial");
        }
        Objects.requireNonNull(validEnd, "validEnd");
        Instant newEnd = millis(validEnd);
        Instant requested = at == null ? null : millis(at);
        if (requested != null && requested.isAfter(now().plus(CLOCK_SKEW))) {
            throw SealException.badRequest("STATUS_TIME_IN_FUTURE", "a renewal cannot take effect in the future");
        }
        String reason = "renewed until " + newEnd;
        return transactions.execute(tx -> {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                SealStatusEntity current = seals.selectById(esId);
                if (current == null) {
                    throw SealException.notFound("SEAL_NOT_REGISTERED", "seal " + esId + " is not registered");
                }
                // a SUSPENDED seal is reported lost: it is found (back to VALID) before it gets a new certificate
                if (current.getStatus() != SealStatus.VALID) {
                    throw new SealException("STATUS_TRANSITION_NOT_ALLOWED", 409,
                            "seal " + esId + " is " + current.getStatus() + " and cannot be renewed",
                            Map.of("from", current.getStatus().name(), "to", "RENEWED"), null);
                }
                Instant effective = requested != null ? requested : latest(now(), current.getSince());
                if (effective.isBefore(current.getSince())) {
                    throw SealException.conflict("STATUS_CHANGE_OUT_OF_ORDER", "the renewal would take effect at "
                            + effective + ", before the current status began at " + current.getSince());
                }
                // renewing after the old end would rewrite what statusAt reported for the gap: apply anew instead
                if (!current.getValidEnd().isAfter(effective)) {
                    throw SealException.conflict("SEAL_VALIDITY_ENDED",
                            "seal " + esId + " ended at " + current.getValidEnd() + " and cannot be renewed");
                }
                if (!newEnd.isAfter(current.getValidEnd())) {
                    throw SealException.badRequest("INVALID_VALIDITY_END",
                            "the new validity end must be after the current one, " + current.getValidEnd());
                }
                if (seals.renew(esId, current.getVersion(), newEnd, certificateSerial) == 1) {
                    long version = current.getVersion() + 1;
                    history.insert(StatusHistoryEntity.of(esId, version, SealStatus.VALID, effective, reason, now()));
                    events.publishEvent(new SealStatusChanged(esId, SealStatus.VALID, SealStatus.VALID, effective,
                            reason, version));
                    return new SealStatusRecord(esId, SealStatus.VALID, current.getSince(), current.getReason());
                }
            }
            throw SealException.conflict("STATUS_CONCURRENT_CHANGE",
                    "seal " + esId + " is being changed concurrently; retry");
        });
    }

    /**
     * Moves a VALID seal whose validity ended to EXPIRED, effective at its validity end (or at its last change, if
     * that came later). Returns false when the seal is no longer VALID or not yet due.
     */
    boolean expire(String esId) {
        Instant now = now();
        try {
            return change(esId, SealStatus.EXPIRED, current -> {
                if (current.getStatus() != SealStatus.VALID || current.getValidEnd().isAfter(now)) {
                    return null;
                }
                return latest(current.getValidEnd(), current.getSince());
            }, VersionedStatus.EXPIRY_REASON) != null;
        } catch (SealException e) {
            // another writer changed the seal first; it is no longer this job's business
            return false;
        }
    }

    @Override
    public SealStatusRecord statusOf(String esId) {
        EsIds.requireWellFormed(esId);
        return cache.get(esId).asOf(clock.instant());
    }

    @Override
    public Optional<SealHistory> historyOf(String esId) {
        EsIds.requireWellFormed(esId);
        SealStatusEntity seal = seals.selectById(esId);
        if (seal == null) {
            return Optional.empty();
        }
        var registration = new SealRegistration(seal.getEsId(), seal.getUnitName(), seal.getSealName(),
                seal.getRegionCode(), seal.getCertificateSerial(), seal.getValidStart(), seal.getValidEnd());
        var versions = history.findHistory(esId).stream().map(h -> new SealHistory.Version(
                h.getVersion(), h.getStatus(), h.getChangedAt(), h.getReason())).toList();
        return Optional.of(new SealHistory(registration, versions));
    }

    @Override
    public SealStatusRecord statusAt(String esId, Instant time) {
        EsIds.requireWellFormed(esId);
        Objects.requireNonNull(time, "time");
        StatusHistoryEntity step = history.findInForceAt(esId, time);
        if (step == null) {
            return SealStatusRecord.unknown(esId);
        }
        SealStatusRecord stored = new SealStatusRecord(esId, step.getStatus(), step.getChangedAt(), step.getReason());
        if (step.getStatus() != SealStatus.VALID) {
            return stored;
        }
        SealStatusEntity seal = seals.selectById(esId);
        return VersionedStatus.expiredBy(stored, seal.getValidEnd(), time);
    }

    /**
     * Applies one change in its own transaction; null when the seal is unknown or {@code effectiveAt} declines.
     */
    private SealStatusRecord change(String esId, SealStatus newStatus, EffectiveTime effectiveAt, String reason) {
        return transactions.execute(tx -> {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                SealStatusEntity current = seals.selectById(esId);
                if (current == null) {
                    return null;
                }
                Instant at = effectiveAt.of(current);
                if (at == null) {
                    return null;
                }
                if (!Transitions.allowed(current.getStatus(), newStatus)) {
                    throw new SealException("STATUS_TRANSITION_NOT_ALLOWED", 409,
                            "seal " + esId + " cannot change from " + current.getStatus() + " to " + newStatus,
                            Map.of("from", current.getStatus().name(), "to", newStatus.name()), null);
                }
                if (at.isBefore(current.getSince())) {
                    throw SealException.conflict("STATUS_CHANGE_OUT_OF_ORDER", "the change would take effect at " + at
                            + ", before the current status began at " + current.getSince());
                }
                if (seals.changeStatus(esId, current.getVersion(), newStatus, at, reason) == 1) {
                    long version = current.getVersion() + 1;
                    history.insert(StatusHistoryEntity.of(esId, version, newStatus, at, reason, now()));
                    events.publishEvent(new SealStatusChanged(esId, current.getStatus(), newStatus, at, reason,
                            version));
                    return new SealStatusRecord(esId, newStatus, at, reason);
                }
            }
            throw SealException.conflict("STATUS_CONCURRENT_CHANGE",
                    "seal " + esId + " is being changed concurrently; retry");
        });
    }

    private Instant now() {
        return millis(clock.instant());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    @FunctionalInterface
    private interface EffectiveTime {
        /** When the change takes effect given the current row, or null to leave the seal alone. */
        Instant of(SealStatusEntity current);
    }
}
