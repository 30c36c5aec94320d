package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.Seals;
import cn.hrss.seal.status.TestNode;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two status nodes on one PostgreSQL database, as behind the gateway. */
class TwoNodesTest {
    static final TestDatabase DB = TestDatabase.postgres();
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startNodes() {
        nodeA = start();
        nodeB = start();
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
        DB.close();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestNode.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + DB.url(), "spring.datasource.username=" + DB.user(),
                        "spring.datasource.password=" + DB.password(), "seal.status.cache.time-to-live=PT1S",
                        "seal.status.srl.retained=1000", "spring.main.banner-mode=off")
                .run();
    }

    @Test
    void listNumbersStayUniqueAndIncreasingWhenBothNodesPublish() throws Exception {
        RevocationListPublisher a = nodeA.getBean(RevocationListPublisher.class);
        RevocationListPublisher b = nodeB.getBean(RevocationListPublisher.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<PublishedList>> published = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                RevocationListPublisher node = i % 2 == 0 ? a : b;
                published.add(pool.submit((Callable<PublishedList>) node::publish));
            }
            List<PublishedList> lists = new ArrayList<>();
            for (Future<PublishedList> f : published) {
                lists.add(f.get(60, TimeUnit.SECONDS));
            }
            List<Long> numbers = lists.stream().map(PublishedList::number).toList();
            assertThat(numbers).doesNotHaveDuplicates();
            // a higher number is never an older snapshot
            assertThat(lists.stream().sorted(Comparator.comparingLong(PublishedList::number))
                    .map(PublishedList::thisUpdate).toList()).isSorted();
            long newest = numbers.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(a.current().number()).isEqualTo(newest);
            assertThat(b.current().number()).isEqualTo(newest);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOtherNodeSeesAChangeWithinTheCacheTimeToLive() throws Exception {
        SealStatusService a = nodeA.getBean(SealStatusService.class);
        SealStatusService b = nodeB.getBean(SealStatusService.class);
        String esId = Seals.newEsId();
        a.register(Seals.registration(esId, Instant.now()));
        assertThat(b.statusOf(esId).status()).isEqualTo(SealStatus.VALID);

        a.recordChange(esId, SealStatus.REVOKED, null, "cancelled");

        assertThat(a.statusOf(esId).status()).isEqualTo(SealStatus.REVOKED);
        long deadline = System.nanoTime() + Duration.ofSeconds(1).plusMillis(500).toNanos();
        while (b.statusOf(esId).status() != SealStatus.REVOKED && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(b.statusOf(esId).status()).isEqualTo(SealStatus.REVOKED);
    }
}
