package cn.hrss.seal.federation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two instances of one node on one database: a nonce is accepted once across both, on PostgreSQL and H2. */
class JdbcReplayGuardTest {
    private static final SignerId SIGNER = new SignerId("6e96e235a09f13c1ffeeba1ece8a48b539863d7440609bcdfd799b8afa2f7629");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNonceIsAcceptedOnceAcrossInstancesAndForgottenAfterItsWindow(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JdbcTemplate jdbc = migrated(db);
            MutableClock clock = MutableClock.ofSystem();
            JdbcReplayGuard first = new JdbcReplayGuard(jdbc, clock, 1000);
            JdbcReplayGuard second = new JdbcReplayGuard(new JdbcTemplate(jdbc.getDataSource()), clock, 1000);
            Instant keepUntil = clock.instant().plus(Duration.ofMinutes(10));

            assertThat(first.firstUse(SIGNER, "AAAAAAAAAAAAAAAAAAAAAQ", keepUntil)).isTrue();
            assertThat(second.firstUse(SIGNER, "AAAAAAAAAAAAAAAAAAAAAQ", keepUntil)).isFalse();
            assertThat(first.firstUse(SIGNER, "AAAAAAAAAAAAAAAAAAAAAQ", keepUntil)).isFalse();
            assertThat(second.firstUse(SIGNER, "AAAAAAAAAAAAAAAAAAAAAg", keepUntil)).isTrue();

            assertThat(first.purgeExpired()).isZero();
            clock.advance(Duration.ofMinutes(11));
            assertThat(second.purgeExpired()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentDeliveriesOfOneMessageToBothInstancesAreAcceptedOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JdbcTemplate jdbc = migrated(db);
            MutableClock clock = MutableClock.ofSystem();
            List<JdbcReplayGuard> instances = List.of(new JdbcReplayGuard(jdbc, clock, 1000),
                    new JdbcReplayGuard(jdbc, clock, 1000));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    JdbcReplayGuard guard = instances.get(i % 2);
                    attempts.add(() -> guard.firstUse(SIGNER, "BBBBBBBBBBBBBBBBBBBBBB", clock.instant().plusSeconds(600)));
                }
                int accepted = 0;
                for (Future<Boolean> f : pool.invokeAll(attempts)) {
                    accepted += f.get() ? 1 : 0;
                }
                assertThat(accepted).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutItsTableTheGuardFailsClosed(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            JdbcTemplate unmigrated = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
            JdbcReplayGuard guard = new JdbcReplayGuard(unmigrated, MutableClock.ofSystem(), 1);
            assertThat(guard.firstUse(SIGNER, "CCCCCCCCCCCCCCCCCCCCCC", Instant.now().plusSeconds(60))).isFalse();
            assertThat(guard.purgeExpired()).isZero();
        }
    }

    private static JdbcTemplate migrated(TestDatabase db) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
