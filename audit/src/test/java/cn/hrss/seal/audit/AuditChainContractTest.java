package cn.hrss.seal.audit;

import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.audit.chain.AuditAdministration;
import cn.hrss.seal.audit.chain.AuditPage;
import cn.hrss.seal.audit.chain.AuditSearch;
import cn.hrss.seal.audit.chain.ChainCodec;
import cn.hrss.seal.audit.chain.Checkpoint;
import cn.hrss.seal.audit.chain.VerificationResult;
import cn.hrss.seal.audit.chain.VerificationResult.Problem;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import cn.hrss.seal.core.device.CipherDevice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chain's behaviour on a real database; run once per database kind by the subclasses. Every test starts from an
 * empty chain, so none depends on another's data or order.
 */
@SpringBootTest(classes = AuditTestApplication.class, properties = {
        "seal.audit.checkpoint-every=5", "seal.audit.checkpoint-interval=1h"})
@AutoConfigureMockMvc
abstract class AuditChainContractTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditAdministration administration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc http;
    @Autowired
    CipherDevice device;
    @Autowired
    Environment env;
    @Autowired
    PlatformTransactionManager transactions;

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
    void recordsAndCheckpointsSurviveTheCallersRollback() {
        TransactionTemplate business = new TransactionTemplate(transactions);
        business.executeWithoutResult(status -> {
            trail.record(AuditEntry.of("user:alice", "seal.approve", "seal:9", AuditOutcome.SUCCESS));
            assertThat(administration.checkpointNow()).isPresent();
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_checkpoint", Long.class)).isEqualTo(1);
        assertThat(administration.verify().intact()).isTrue();
    }

    @Test
    void checkpointNowSignsTheHeadOnce() {
        append(3);
        assertThat(administration.checkpointNow()).hasValueSatisfying(c -> assertThat(c.seq()).isEqualTo(3));
        assertThat(administration.checkpointNow()).isEmpty();
        assertThat(administration.verify().lastCheckpointSeq()).isEqualTo(3);
    }

    /** An auditor without our code: OpenSSL checks a checkpoint signature over the documented bytes. */
    @Test
    void checkpointSignatureVerifiesWithOpenSsl(@TempDir Path dir) throws Exception {
        append(2);
        Checkpoint c = administration.checkpointNow().orElseThrow();
        Path tbs = Files.write(dir.resolve("tbs.bin"),
                ChainCodec.checkpointBytes(c.seq(), c.recordHash(), c.signedAt(), c.keyId()));
        Path sig = Files.write(dir.resolve("sig.der"), HexFormat.of().parseHex(c.signature()));
        Path key = Files.write(dir.resolve("key.der"), administration.checkpointKey().toSubjectPublicKeyInfo().getEncoded());
        Process p = new ProcessBuilder("openssl", "dgst", "-sm3", "-verify", key.toString(), "-keyform", "DER",
                "-signature", sig.toString(), "-sigopt", "distid:1234567812345678", tbs.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("Verified OK");
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

    /** A second node on the same database and cipher device: appends from both interleave into one chain. */
    @Test
    void twoNodesSharingTheDatabaseAppendToOneChain() throws Exception {
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(SecondNode.class)
                .web(WebApplicationType.NONE)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("cipherDevice", device))
                .run("--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                        "--seal.audit.checkpoint-every=7", "--spring.main.banner-mode=off")) {
            AuditTrail other = nodeB.getBean(AuditTrail.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    AuditTrail node = t % 2 == 0 ? trail : other;
                    String actor = "node" + (t % 2) + ":t" + t;
                    tasks.add(() -> {
                        for (int i = 0; i < 20; i++) {
                            node.record(AuditEntry.of(actor, "sign.pdf", "doc:" + i, AuditOutcome.SUCCESS));
                        }
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        VerificationResult result = administration.verify();
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(80);
        assertThat(result.checkpointsChecked()).isPositive();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SecondNode {
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

    @Test
    @WithMockUser(roles = "AUDIT_ADMIN")
    void auditAdminPagesRecordsOverHttp() throws Exception {
        append(3);
        http.perform(get("/api/v1/audit/records").param("action", "seal.revoke").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].seq").value(3))
                .andExpect(jsonPath("$.items[0].details.reason").value("lost"))
                .andExpect(jsonPath("$.items[0].hash").isString());
        http.perform(get("/api/v1/audit/records").param("from", "2020-01-01T00:00:00+08:00")
                        .param("to", "2020-01-02T00:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    @WithMockUser(roles = "AUDIT_ADMIN")
    void badQueriesAreClientErrors() throws Exception {
        http.perform(get("/api/v1/audit/records").param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BAD_PARAMETER"));
        http.perform(get("/api/v1/audit/records").param("size", "100000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("AUDIT_BAD_QUERY"));
        http.perform(get("/api/v1/audit/records").param("from", "2021-01-02T00:00:00Z").param("to", "2021-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("AUDIT_BAD_QUERY"));
    }

    @Test
    @WithMockUser(roles = "AUDIT_ADMIN")
    void auditAdminVerifiesOverHttp() throws Exception {
        append(6);
        http.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.recordsChecked").value(6))
                .andExpect(jsonPath("$.lastCheckpointSeq").value(5));
        jdbc.update("UPDATE audit_record SET target = 'seal:other' WHERE seq = 2");
        http.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(2))
                .andExpect(jsonPath("$.problem").value("RECORD_ALTERED"));
        http.perform(get("/api/v1/audit/checkpoint-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicKey").value(org.hamcrest.Matchers.startsWith("04")));
    }

    @Test
    @WithMockUser(roles = {"BUSINESS_ADMIN", "SYSTEM_ADMIN"})
    void otherRolesAreRefused() throws Exception {
        http.perform(get("/api/v1/audit/records")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        http.perform(get("/api/v1/audit/verify")).andExpect(status().isForbidden());
        http.perform(get("/api/v1/audit/checkpoint-key")).andExpect(status().isForbidden());
    }

    @Test
    void anonymousIsRefused() throws Exception {
        http.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
    }
}
