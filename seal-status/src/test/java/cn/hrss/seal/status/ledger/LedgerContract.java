package cn.hrss.seal.status.ledger;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.status.Seals;
import cn.hrss.seal.status.TestNode;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusChanged;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.status.persistence.StatusHistoryEntity;
import cn.hrss.seal.status.persistence.StatusHistoryMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.hrss.seal.status.api.SealStatus.EXPIRED;
import static cn.hrss.seal.status.api.SealStatus.REVOKED;
import static cn.hrss.seal.status.api.SealStatus.SUSPENDED;
import static cn.hrss.seal.status.api.SealStatus.UNKNOWN;
import static cn.hrss.seal.status.api.SealStatus.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger against a real database; subclasses pick PostgreSQL or H2. */
@SpringBootTest(classes = TestNode.class)
@DirtiesContext
@RecordApplicationEvents
abstract class LedgerContract {
    @Autowired
    SealStatusService statuses;
    @Autowired
    StatusHistoryMapper history;
    @Autowired
    ExpiryJob expiryJob;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String registered() {
        String esId = Seals.newEsId();
        statuses.register(Seals.registration(esId, now()));
        return esId;
    }

    @Test
    void registeredSealIsValidFromItsValidityStart() {
        String esId = Seals.newEsId();
        Instant start = now().minus(Duration.ofHours(2));
        statuses.register(Seals.registration(esId, start, Duration.ofDays(30)));

        assertThat(statuses.statusOf(esId)).isEqualTo(new SealStatusRecord(esId, VALID, start, null));
        assertThat(statuses.statusAt(esId, start.minusMillis(1)).status()).isEqualTo(UNKNOWN);
        assertThat(statuses.statusAt(esId, start).status()).isEqualTo(VALID);
        assertThat(events.stream(SealStatusChanged.class).filter(e -> e.esId().equals(esId)))
                .containsExactly(new SealStatusChanged(esId, UNKNOWN, VALID, start, null, 1));
    }

    @Test
    void registeringTwiceIsAConflict() {
        String esId = registered();
        assertThatThrownBy(() -> statuses.register(Seals.registration(esId, now())))
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.code()).isEqualTo("SEAL_ALREADY_REGISTERED");
                    assertThat(e.httpStatus()).isEqualTo(409);
                });
    }

    @Test
    void unknownSealIsUnknownNowAndAtAnyTime() {
        String esId = Seals.newEsId();
        assertThat(statuses.statusOf(esId)).isEqualTo(SealStatusRecord.unknown(esId));
        assertThat(statuses.statusAt(esId, now())).isEqualTo(SealStatusRecord.unknown(esId));
    }

    @Test
    void historyAnswersTheStatusAtEveryPointInTime() {
        String esId = registered();
        Instant t0 = now().minus(Duration.ofHours(3));
        Instant lost = t0.plus(Duration.ofMinutes(10));
        Instant found = t0.plus(Duration.ofMinutes(20));
        Instant cancelled = t0.plus(Duration.ofMinutes(30));

        statuses.recordChange(esId, SUSPENDED, lost, "loss reported");
        statuses.recordChange(esId, VALID, found, "carrier found");
        statuses.recordChange(esId, REVOKED, cancelled, "unit dissolved");

        assertThat(statuses.statusAt(esId, lost.minusMillis(1)).status()).isEqualTo(VALID);
        assertThat(statuses.statusAt(esId, lost)).isEqualTo(new SealStatusRecord(esId, SUSPENDED, lost, "loss reported"));
        assertThat(statuses.statusAt(esId, found.minusMillis(1)).status()).isEqualTo(SUSPENDED);
        assertThat(statuses.statusAt(esId, found).status()).isEqualTo(VALID);
        assertThat(statuses.statusAt(esId, cancelled.plusSeconds(1)).status()).isEqualTo(REVOKED);
        assertThat(statuses.statusOf(esId)).isEqualTo(new SealStatusRecord(esId, REVOKED, cancelled, "unit dissolved"));
        assertThat(history.findHistory(esId)).extracting(StatusHistoryEntity::getVersion, StatusHistoryEntity::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, VALID),
                        org.assertj.core.groups.Tuple.tuple(2L, SUSPENDED),
                        org.assertj.core.groups.Tuple.tuple(3L, VALID),
                        org.assertj.core.groups.Tuple.tuple(4L, REVOKED));
        assertThat(events.stream(SealStatusChanged.class).filter(e -> e.esId().equals(esId)))
                .extracting(SealStatusChanged::previous, SealStatusChanged::status, SealStatusChanged::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UNKNOWN, VALID, 1L),
                        org.assertj.core.groups.Tuple.tuple(VALID, SUSPENDED, 2L),
                        org.assertj.core.groups.Tuple.tuple(SUSPENDED, VALID, 3L),
                        org.assertj.core.groups.Tuple.tuple(VALID, REVOKED, 4L));
    }

    @Test
    void forbiddenTransitionChangesNothing() {
        String esId = registered();
        SealStatusRecord revoked = statuses.recordChange(esId, REVOKED, null, "cancelled");
        long eventsBefore = events.stream(SealStatusChanged.class).count();

        for (SealStatus target : List.of(VALID, SUSPENDED, EXPIRED, REVOKED, UNKNOWN)) {
            assertThatThrownBy(() -> statuses.recordChange(esId, target, null, "try"))
                    .isInstanceOfSatisfying(SealException.class, e -> {
                        assertThat(e.code()).isEqualTo("STATUS_TRANSITION_NOT_ALLOWED");
                        assertThat(e.httpStatus()).isEqualTo(409);
                        assertThat(e.details()).containsEntry("from", "REVOKED");
                    });
        }
        assertThat(statuses.statusOf(esId)).isEqualTo(revoked);
        assertThat(history.findHistory(esId)).hasSize(2);
        assertThat(events.stream(SealStatusChanged.class).count()).isEqualTo(eventsBefore);
    }

    @Test
    void badChangesAreRejectedWithStableCodes() {
        String esId = registered();
        Instant validStart = statuses.statusOf(esId).since();
        assertThat(codeOf(() -> statuses.recordChange(Seals.newEsId(), REVOKED, null, "x")))
                .isEqualTo("SEAL_NOT_REGISTERED");
        assertThat(codeOf(() -> statuses.recordChange(esId, REVOKED, null, " "))).isEqualTo("INVALID_STATUS_REASON");
        assertThat(codeOf(() -> statuses.recordChange(esId, REVOKED, now().plus(Duration.ofHours(1)), "x")))
                .isEqualTo("STATUS_TIME_IN_FUTURE");
        assertThat(codeOf(() -> statuses.recordChange(esId, REVOKED, validStart.minusSeconds(1), "x")))
                .isEqualTo("STATUS_CHANGE_OUT_OF_ORDER");
        assertThat(codeOf(() -> statuses.recordChange("bad esid!", REVOKED, null, "x"))).isEqualTo("INVALID_ES_ID");
        assertThat(codeOf(() -> statuses.statusOf("x".repeat(65)))).isEqualTo("INVALID_ES_ID");
        assertThat(history.findHistory(esId)).hasSize(1);
    }

    @Test
    void cachedStatusFollowsAChangeMadeOnAnotherThread() throws Exception {
        String esId = registered();
        assertThat(statuses.statusOf(esId).status()).isEqualTo(VALID);

        CompletableFuture.runAsync(() -> statuses.recordChange(esId, SUSPENDED, null, "loss reported"))
                .get(10, TimeUnit.SECONDS);

        assertThat(statuses.statusOf(esId).status()).isEqualTo(SUSPENDED);
    }

    @Test
    void currentStatusIsServedFromTheCache() {
        String esId = registered();
        assertThat(statuses.statusOf(esId).status()).isEqualTo(VALID);

        // behind the ledger's back: no event, so the cache keeps answering until its time to live
        jdbc.update("UPDATE seal_status SET status = 'REVOKED' WHERE es_id = ?", esId);

        assertThat(statuses.statusOf(esId).status()).isEqualTo(VALID);
    }

    @Test
    void expiryJobExpiresValidSealsAtTheirValidityEndByTheInjectedClock() {
        Instant start = now().minus(Duration.ofDays(1));
        Duration validity = Duration.ofDays(1).plusHours(1);
        Instant validEnd = start.plus(validity);
        String esId = Seals.newEsId();
        statuses.register(Seals.registration(esId, start, validity));
        String suspended = Seals.newEsId();
        statuses.register(Seals.registration(suspended, start, validity));
        statuses.recordChange(suspended, SUSPENDED, null, "loss reported");

        assertThat(expiryJob.expireDue()).isZero();
        assertThat(statuses.statusOf(esId).status()).isEqualTo(VALID);

        clock.advance(Duration.ofHours(2));
        int expired;
        try {
            expired = expiryJob.expireDue();
        } finally {
            clock.reset();
        }

        assertThat(expired).isEqualTo(1);
        assertThat(history.findHistory(esId)).extracting(StatusHistoryEntity::getStatus).containsExactly(VALID, EXPIRED);
        assertThat(statuses.statusOf(esId)).isEqualTo(
                new SealStatusRecord(esId, EXPIRED, validEnd, "validity period ended"));
        assertThat(statuses.statusAt(esId, validEnd.minusMillis(1)).status()).isEqualTo(VALID);
        assertThat(statuses.statusOf(suspended).status()).isEqualTo(SUSPENDED);
    }

    @Test
    void validSealPastItsValidityEndReadsExpiredBeforeTheJobRuns() {
        Instant start = now().minus(Duration.ofDays(2));
        Instant validEnd = start.plus(Duration.ofDays(1));
        String esId = Seals.newEsId();
        statuses.register(Seals.registration(esId, start, Duration.ofDays(1)));

        SealStatusRecord expired = new SealStatusRecord(esId, EXPIRED, validEnd, "validity period ended");
        assertThat(statuses.statusOf(esId)).isEqualTo(expired);
        assertThat(statuses.statusAt(esId, validEnd.plusSeconds(1))).isEqualTo(expired);
        assertThat(statuses.statusAt(esId, validEnd.minusMillis(1)).status()).isEqualTo(VALID);
        assertThat(history.findHistory(esId)).hasSize(1);
    }

    @Test
    void concurrentChangesToOneSealLoseNothing() throws Exception {
        String esId = registered();
        int threads = 6;
        int attemptsEach = 15;
        AtomicInteger applied = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SealStatus target = t % 2 == 0 ? SUSPENDED : VALID;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsEach; i++) {
                        try {
                            statuses.recordChange(esId, target, null, "toggle");
                            applied.incrementAndGet();
                        } catch (SealException e) {
                            assertThat(e.code()).isIn("STATUS_TRANSITION_NOT_ALLOWED", "STATUS_CONCURRENT_CHANGE");
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<StatusHistoryEntity> steps = history.findHistory(esId);
        assertThat(applied.get()).isPositive();
        assertThat(steps).hasSize(applied.get() + 1);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).getVersion()).isEqualTo(i + 1);
            assertThat(Transitions.allowed(steps.get(i - 1).getStatus(), steps.get(i).getStatus())).isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT version FROM seal_status WHERE es_id = ?", Long.class, esId))
                .isEqualTo(steps.size());
        assertThat(statuses.statusOf(esId).status()).isEqualTo(steps.get(steps.size() - 1).getStatus());
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (SealException e) {
            return e.code();
        }
        throw new AssertionError("expected a SealException");
    }


    @Test
    void renewalMovesTheValidityEndAndTheExpiryJobFollowsIt() {
        Instant start = now().minus(Duration.ofDays(1));
        Duration validity = Duration.ofDays(1).plusHours(1);
        String esId = Seals.newEsId();
        statuses.register(Seals.registration(esId, start, validity));
        statuses.statusOf(esId);
        Instant renewedAt = now();
        Instant newEnd = start.plus(Duration.ofDays(30));

        assertThat(statuses.renew(esId, "0a1b", newEnd, renewedAt).status()).isEqualTo(VALID);

        assertThat(jdbc.queryForObject("SELECT certificate_serial FROM seal_status WHERE es_id = ?", String.class,
                esId)).isEqualTo("0a1b");
        assertThat(history.findHistory(esId)).extracting(StatusHistoryEntity::getReason)
                .containsExactly(null, "renewed until " + newEnd);
        assertThat(statuses.statusAt(esId, renewedAt.minusMillis(1)).status()).isEqualTo(VALID);
        assertThat(statuses.statusAt(esId, start.plus(Duration.ofDays(2))).status()).isEqualTo(VALID);
        clock.advance(Duration.ofHours(2));
        try {
            // past the old end, the cached answer and the job both use the new end
            assertThat(statuses.statusOf(esId).status()).isEqualTo(VALID);
            assertThat(expiryJob.expireDue()).isZero();
        } finally {
            clock.reset();
        }
        assertThat(statuses.statusAt(esId, newEnd).status()).isEqualTo(EXPIRED);
    }

    @Test
    void refusedRenewalsChangeNothing() {
        String esId = registered();
        Instant end = now().plus(Duration.ofDays(3650));
        statuses.recordChange(esId, SUSPENDED, null, "loss reported");
        assertThatThrownBy(() -> statuses.renew(esId, "01", end, null)).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo("STATUS_TRANSITION_NOT_ALLOWED"));
        statuses.recordChange(esId, REVOKED, null, "cancelled");
        assertThatThrownBy(() -> statuses.renew(esId, "01", end, null)).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo("STATUS_TRANSITION_NOT_ALLOWED"));
        assertThatThrownBy(() -> statuses.renew(Seals.newEsId(), "01", end, null))
                .isInstanceOfSatisfying(SealException.class, e -> assertThat(e.code()).isEqualTo("SEAL_NOT_REGISTERED"));
        String valid = registered();
        assertThatThrownBy(() -> statuses.renew(valid, "01", now(), null)).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo("INVALID_VALIDITY_END"));
        assertThat(history.findHistory(esId)).hasSize(3);
        assertThat(history.findHistory(valid)).hasSize(1);
    }

    @Test
    void aRenewalRacingARevocationIsAppliedBeforeItOrNotAtAll() throws Exception {
        String esId = registered();
        Instant end = now().plus(Duration.ofDays(3650));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> renewal = pool.submit(() -> {
                start.await();
                try {
                    statuses.renew(esId, "02", end, null);
                    return "renewed";
                } catch (SealException e) {
                    return e.code();
                }
            });
            Future<?> revocation = pool.submit(() -> {
                start.await();
                return statuses.recordChange(esId, REVOKED, null, "cancelled");
            });
            start.countDown();
            revocation.get(60, TimeUnit.SECONDS);
            String outcome = renewal.get(60, TimeUnit.SECONDS);
            List<StatusHistoryEntity> steps = history.findHistory(esId);
            assertThat(steps).last().extracting(StatusHistoryEntity::getStatus).isEqualTo(REVOKED);
            if (outcome.equals("renewed")) {
                assertThat(steps).extracting(StatusHistoryEntity::getStatus).containsExactly(VALID, VALID, REVOKED);
            } else {
                assertThat(outcome).isEqualTo("STATUS_TRANSITION_NOT_ALLOWED");
                assertThat(steps).hasSize(2);
            }
            assertThat(statuses.statusOf(esId).status()).isEqualTo(REVOKED);
        } finally {
            pool.shutdownNow();
        }
    }
}
