package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.TestNode;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.status.publish.StatusSigner;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target size on PostgreSQL: 10^6 seals of which 10^5 are listed. The list streams from a cursor, so this runs
 * in the default test heap; the figures it logs are the ones docs/STATUS.md quotes.
 */
@SpringBootTest(classes = TestNode.class)
@DirtiesContext
class RevocationListScaleTest {
    private static final Logger log = LoggerFactory.getLogger(RevocationListScaleTest.class);
    static final TestDatabase DB = TestDatabase.postgres();
    private static final int SEALS = 1_000_000;
    private static final int LISTED = 100_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestNode.use(DB, registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RevocationListPublisher publisher;
    @Autowired
    SealStatusService statuses;
    @Autowired
    StatusSigner signer;

    @Test
    void publishesAHundredThousandEntriesOutOfAMillionSealsAndOpensslVerifiesThem(@TempDir Path dir)
            throws Exception {
        // every tenth seal revoked, the rest valid
        jdbc.execute("INSERT INTO seal_status (es_id, status, since, reason, valid_start, valid_end, unit_name,"
                + " seal_name, region_code, certificate_serial, registered_at, version)"
                + " SELECT 'S' || lpad(g::text, 9, '0'), CASE WHEN g % 10 = 0 THEN 'REVOKED' ELSE 'VALID' END,"
                + " now(), CASE WHEN g % 10 = 0 THEN 'cancelled' END, now() - interval '1 day',"
                + " now() + interval '365 days', 'unit', 'seal', '110100', '0A', now(), 1"
                + " FROM generate_series(1, " + SEALS + ") g");
        jdbc.execute("ANALYZE seal_status");

        publisher.publish(); // warm-up: the first run includes class loading and JIT
        long started = System.nanoTime();
        PublishedList list = publisher.publish();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("SRL of {} entries from {} seals: {} ms, {} bytes", list.entryCount(), SEALS, millis,
                list.document().length);

        assertThat(list.entryCount()).isEqualTo(LISTED);
        Path document = Files.write(dir.resolve("srl.json"), list.document());
        Path signature = Files.write(dir.resolve("srl.sig"), list.signature().der());
        Path pem = dir.resolve("signer-pub.pem");
        Files.writeString(pem, signer.publicKeyPem());
        assertThat(OpenSsl.verify(pem, signature, document).output()).isEqualTo("Verified OK");

        measureQueries();
    }


    /** Status queries per second: first touch (database) and again (cache). Logged, not asserted. */
    private void measureQueries() {
        int n = 5_000;
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("S%09d", ThreadLocalRandom.current().nextInt(1, SEALS + 1));
        }
        for (String pass : new String[] {"database", "cache"}) {
            long started = System.nanoTime();
            for (String id : ids) {
                assertThat(statuses.statusOf(id).status()).isIn(SealStatus.VALID, SealStatus.REVOKED);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("statusOf from {}: {} queries in {} s = {} /s (one thread)", pass, n,
                    String.format("%.2f", seconds), String.format("%.0f", n / seconds));
        }
    }
}
