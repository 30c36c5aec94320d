package cn.hrss.seal.audit;

import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.audit.chain.AuditAdministration;
import cn.hrss.seal.audit.chain.AuditPage;
import cn.hrss.seal.audit.chain.AuditSearch;
import cn.hrss.seal.audit.chain.ChainCodec;
import cn.hrss.seal.audit.chain.VerificationResult;
import cn.hrss.seal.audit.chain.VerificationResult.Problem;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain's behaviour on a real database; run once per database kind by the subclasses. Every test starts from an
 * empty chain, so none depends on another's data or order.
 */
@SpringBootTest(classes = AuditTestApplication.class, properties = {
        "seal.audit.checkpoint-every=5", "seal.audit.checkpoint-interval=1h"})
abstract class AuditChainContractTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditAdministration administration;
    @Autowired
    JdbcTemplate jdbc;

    static void database(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @BeforeEach
    void emptyChain() {
        jdbc.update("DELETE FROM audit_record");
        jdbc.update("DELETE FROM audit_checkpoint");
        jdbc.update("UPDATE audit_head SET last_seq = 0, last_hash = ? WHERE id = 1", "0".repeat(64));
    }

    List<AuditRecord> append(int n) {
        List<AuditRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(trail.record(AuditEntry.of("user:alice", "seal.revoke", "seal:" + i, AuditOutcome.SUCCESS)
                    .withDetail("reason", "lost").withDetail("operator", "张*").withDetail("n", i)));
        }
        return out;
    }

    @Test
    void appendsLinkedRecordsAndVerifies() {
        List<AuditRecord> records = append(12);
        assertThat(records).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(records.get(0).prevHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).prevHash()).isEqualTo(records.get(i - 1).hash());
        }
        VerificationResult result = administration.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(12);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
        assertThat(result.lastCheckpointSeq()).isEqualTo(10);
    }

    @Test
    void storedDetailsAreCanonicalJson() {
        AuditRecord r = trail.record(new AuditEntry("user:bob", "key.generate", "", AuditOutcome.SUCCESS,
                Map.of("z", 1, "a", Map.of("y", true, "b", "x"))));
        assertThat(r.details()).isEqualTo("{\"a\":{\"b\":\"x\",\"y\":true},\"z\":1}");
        assertThat(jdbc.queryForObject("SELECT details FROM audit_record WHERE seq = ?", String.class, r.seq()))
                .isEqualTo(r.details());
    }

    @Test
    void editedRowIsReportedAtItsSequenceNumber() {
        append(8);
        jdbc.update("UPDATE audit_record SET actor = 'user:mallory' WHERE seq = 3");
        VerificationResult result = administration.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.problem()).isEqualTo(Problem.RECORD_ALTERED);
        assertThat(result.reason()).contains("record 3");
    }

    @Test
    void editedTimeIsDetected() {
        append(4);
        jdbc.update("UPDATE audit_record SET recorded_at = recorded_at + INTERVAL '1' HOUR WHERE seq = 2");
        VerificationResult result = administration.verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo(Problem.RECORD_ALTERED);
    }

    @Test
    void deletedRowIsDetected() {
        append(8);
        jdbc.update("DELETE FROM audit_record WHERE seq = 4");
        VerificationResult result = administration.verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(4L);
        assertThat(result.problem()).isEqualTo(Problem.RECORD_MISSING);
    }

    @Test
    void rewrittenChainIsCaughtByTheSignedCheckpoint() {
        append(7);
        // an attacker with database access edits record 2 and recomputes every hash after it; only the signed
        // checkpoint at 5 can tell
        jdbc.update("UPDATE audit_record SET outcome = 'FAILURE' WHERE seq = 2");
        Map<Long, AuditRecord> bySeq = administration.search(new AuditSearch(null, null, null, null, 0, 200))
                .items().stream().collect(Collectors.toMap(AuditRecord::seq, r -> r));
        String prev = bySeq.get(1L).hash();
        for (long seq = 2; seq <= 7; seq++) {
            String h = ChainCodec.chainHash(prev, bySeq.get(seq));
            jdbc.update("UPDATE audit_record SET prev_hash = ?, record_hash = ? WHERE seq = ?", prev, h, seq);
            prev = h;
        }
        jdbc.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", prev);
        VerificationResult result = administration.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
        assertThat(result.firstBrokenSeq()).isEqualTo(5L);
    }

    @Test
    void forgedCheckpointIsDetected() {
        append(6);
        String realHash = jdbc.queryForObject("SELECT record_hash FROM audit_record WHERE seq = 5", String.class);
        // replace the signature with one over other bytes: same format, wrong content
        jdbc.update("UPDATE audit_checkpoint SET signed_at = signed_at + INTERVAL '1' SECOND WHERE seq = 5");
        VerificationResult result = administration.verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(5L);
        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_INVALID);
        assertThat(realHash).hasSize(64);
    }

    @Test
    void garbageCheckpointSignatureIsDetected() {
        append(5);
        jdbc.update("UPDATE audit_checkpoint SET signature = 'zz' WHERE seq = 5");
        VerificationResult result = administration.verify();
        assertThat(result.problem()).isEqualTo(Problem.CHECKPOINT_INVALID);
        assertThat(result.reason()).contains("malformed");
    }

    @Test
    void truncatedTailIsDetectedThroughTheHeadAndCheckpoints() {
        append(7);
        jdbc.update("DELETE FROM audit_record WHERE seq > 3");
        VerificationResult result = administration.verify();
        assertThat(result.problem()).isEqualTo(Problem.TAIL_TRUNCATED);
        assertThat(result.firstBrokenSeq()).isEqualTo(4L);
        assertThat(result.reason()).contains("checkpoint 5");
    }

    @Test
    void checkpointNowSignsTheHeadOnce() {
        append(3);
        assertThat(administration.checkpointNow()).hasValueSatisfying(c -> assertThat(c.seq()).isEqualTo(3));
        assertThat(administration.checkpointNow()).isEmpty();
        assertThat(administration.verify().lastCheckpointSeq()).isEqualTo(3);
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        int threads = 6;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "user:t" + t;
                tasks.add(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        seqs.add(trail.record(AuditEntry.of(actor, "sign.data", "doc:" + i, AuditOutcome.SUCCESS)).seq());
                    }
                    return seqs;
                });
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(threads * each);
            assertThat(all).allSatisfy(s -> assertThat(s).isBetween(1L, (long) threads * each));
        } finally {
            pool.shutdownNow();
        }
        VerificationResult result = administration.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(threads * each);
    }

    @Test
    void searchFiltersAndPagesNewestFirst() {
        Instant start = Instant.now().minusSeconds(1);
        append(3);
        trail.record(AuditEntry.of("user:bob", "key.generate", "key:audit", AuditOutcome.DENIED));
        AuditPage all = administration.search(new AuditSearch(start, null, null, null, 0, 2));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(AuditRecord::seq).containsExactly(4L, 3L);
        AuditPage second = administration.search(new AuditSearch(start, null, null, null, 1, 2));
        assertThat(second.items()).extracting(AuditRecord::seq).containsExactly(2L, 1L);
        AuditPage bob = administration.search(new AuditSearch(null, null, "user:bob", null, 0, 10));
        assertThat(bob.items()).extracting(AuditRecord::action).containsExactly("key.generate");
        AuditPage revokes = administration.search(new AuditSearch(null, null, null, "seal.revoke", 0, 10));
        assertThat(revokes.total()).isEqualTo(3);
        assertThat(administration.search(new AuditSearch(null, start, null, null, 0, 10)).total()).isZero();
    }

    @Test
    void rejectsOversizedEntries() {
        assertThatThrownBy(() -> AuditEntry.of("x".repeat(129), "a", "", AuditOutcome.SUCCESS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.record(AuditEntry.of("u", "a", "", AuditOutcome.SUCCESS)
                .withDetail("big", "x".repeat(9000)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isZero();
    }
}
