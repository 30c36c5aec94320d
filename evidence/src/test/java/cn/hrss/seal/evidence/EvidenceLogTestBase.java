package cn.hrss.seal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.MerkleProofs;
import cn.hrss.seal.application.api.DocumentsSigned;
import cn.hrss.seal.evidence.api.EvidenceLog;
import cn.hrss.seal.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log over real HTTP: appended leaves are covered by a signed checkpoint whose signature verifies with the node
 * key, and every inclusion and consistency proof the node serves verifies offline with seal-core's MerkleProofs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvidenceLogTestBase {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabase db;
    private ConfigurableApplicationContext node;

    abstract TestDatabase database();

    @BeforeAll
    void start() {
        db = database();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", db.url());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("spring.flyway.out-of-order", "true");
        p.put("seal.evidence.checkpoint-scheduler", "false");
        // only seal-application's event is used here, not its subsystem
        p.put("seal.application.enabled", "false");
        p.put("seal.service-mgmt.base-url", "http://127.0.0.1:1");
        p.put("seal.service-mgmt.enabled", "false");
        node = new SpringApplicationBuilder(EvidenceTestApp.class).properties(p).run();
    }

    @AfterAll
    void stop() {
        node.close();
        db.close();
    }

    @Test
    void checkpointsAndProofsVerifyOfflineAndAnAppendThatFailsLeavesNoGap() throws Exception {
        EvidenceLog log = node.getBean(EvidenceLog.class);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            byte[] leaf = ("{\"kind\":\"SIGNING\",\"documentSm3\":\"" + i + "\"}").getBytes(StandardCharsets.UTF_8);
            assertThat(log.append(leaf)).isEqualTo(i);
            leaves.add(leaf);
        }
        assertThatThrownBy(() -> log.append(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        Checkpoints.Checkpoint seven = node.getBean(Checkpoints.class).checkpoint();
        assertThat(seven.treeSize()).isEqualTo(13);

        JsonNode checkpoint = get("/api/v1/evidence/checkpoint");
        assertThat(checkpoint.get("treeSize").asLong()).isEqualTo(13);
        byte[] root = HexFormat.of().parseHex(checkpoint.get("rootHash").asText());
        // the signature covers the documented body, rebuilt from the fields
        String body = Checkpoints.body(checkpoint.get("signer").asText(), 13, checkpoint.get("rootHash").asText(),
                Instant.parse(checkpoint.get("timestamp").asText()));
        var key = node.getBean(CipherDevice.class).exportSignPublicKey(node.getBean(CertificateAuthority.class)
                .nodeKey());
        assertThat(Sm2.verify(key, body.getBytes(StandardCharsets.US_ASCII),
                Base64.getDecoder().decode(checkpoint.get("signature").asText()))).isTrue();

        for (int i = 0; i < 13; i++) {
            byte[] leafHash = MerkleHashes.leaf(leaves.get(i));
            JsonNode proof = get("/api/v1/evidence/proof/inclusion?leafHash=" + HexFormat.of().formatHex(leafHash)
                    + "&treeSize=13");
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(i);
            assertThat(MerkleProofs.verifyInclusion(leafHash, i, 13, hashes(proof.get("auditPath")), root)).isTrue();
        }

        byte[] moreLeaf = "{\"kind\":\"CONTRACT_EVENT\"}".getBytes(StandardCharsets.UTF_8);
        log.append(moreLeaf);
        node.getBean(Checkpoints.class).checkpoint();
        JsonNode later = get("/api/v1/evidence/checkpoint");
        assertThat(later.get("treeSize").asLong()).isEqualTo(14);
        JsonNode consistency = get("/api/v1/evidence/proof/consistency?first=13&second=14");
        assertThat(MerkleProofs.verifyConsistency(13, 14, hashes(consistency.get("proof")), root,
                HexFormat.of().parseHex(later.get("rootHash").asText()))).isTrue();
        assertThat(node.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM evidence_leaf",
                Integer.class)).isEqualTo(14);
    }

    @Test
    void everySigningIsALeafWithDigestsOnly() throws Exception {
        DocumentsSigned signed = new DocumentsSigned("sign-1", DocumentsSigned.Flow.AUTHORISED, "GJ35020326000000015",
                "ab".repeat(32), List.of("01".repeat(32)), List.of("02".repeat(32)), "03".repeat(32),
                Instant.parse("2026-11-24T01:00:00Z"));
        node.publishEvent(signed);
        byte[] leaf = SigningEvidence.leaf(signed);
        assertThat(new String(leaf, StandardCharsets.UTF_8)).isEqualTo("""
                HRSS-SEAL-EVIDENCE/1
                kind=SIGNING
                flow=AUTHORISED
                signId=sign-1
                esId=GJ35020326000000015
                signer=%s
                documentSm3=%s
                signedSm3=%s
                approvalSm3=%s
                signedAt=2026-11-24T01:00:00Z""".formatted("ab".repeat(32), "01".repeat(32), "02".repeat(32),
                "03".repeat(32)));
        long size = node.getBean(JdbcTemplate.class).queryForObject("SELECT size FROM evidence_head", Long.class);
        JsonNode proof = get("/api/v1/evidence/proof/inclusion?leafHash="
                + HexFormat.of().formatHex(MerkleHashes.leaf(leaf)) + "&treeSize=" + size);
        assertThat(proof.get("leafIndex").asLong()).isLessThan(size);
    }

    @Test
    void badQuestionsAreClearErrors() throws Exception {
        assertThat(status("/api/v1/evidence/proof/inclusion?leafHash=xyz&treeSize=1")).isEqualTo(400);
        assertThat(status("/api/v1/evidence/proof/inclusion?leafHash=" + "0".repeat(64) + "&treeSize=0"))
                .isEqualTo(400);
        assertThat(status("/api/v1/evidence/proof/inclusion?leafHash=" + "0".repeat(64) + "&treeSize=999999"))
                .isEqualTo(400);
        assertThat(status("/api/v1/evidence/proof/consistency?first=5&second=2")).isEqualTo(400);
        assertThat(status("/api/v1/evidence/proof/consistency?first=a&second=2")).isEqualTo(400);
        node.getBean(EvidenceLog.class).append("x".getBytes(StandardCharsets.UTF_8));
        assertThat(status("/api/v1/evidence/proof/inclusion?leafHash=" + "0".repeat(64) + "&treeSize=1"))
                .isEqualTo(404);
    }

    private List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HexFormat.of().parseHex(h.asText())));
        return out;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }
}
