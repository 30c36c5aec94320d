package cn.hrss.seal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.seal.anchor.evm.EvmEvidenceAnchor;
import cn.hrss.seal.application.api.DocumentsSigned;
import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.EvidenceReceipt;
import cn.hrss.seal.application.verify.EvidenceReceiptVerifier;
import cn.hrss.seal.application.verify.ReceiptVerification;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.anchor.AnchorReceipt;
import cn.hrss.seal.core.anchor.AnchoredCheckpoint;
import cn.hrss.seal.core.anchor.EvidenceAnchor;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.testsupport.LocalEvmChain;
import cn.hrss.seal.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Receipts end to end on PostgreSQL and a real ganache chain: signings become leaves, a checkpoint is anchored, the
 * receipt fetched by the signed document's SM3 verifies with only itself, the node's root and the chain; every
 * tampering is named by its check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceReceiptTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabase db;
    private LocalEvmChain chain;
    private ConfigurableApplicationContext node;
    private EvmEvidenceAnchor reader;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.postgres();
        chain = LocalEvmChain.start();
        Map<String, Object> p = EvidenceTestApp.properties(db);
        p.put("seal.evidence.anchor.interval", "PT0S");
        p.put("seal.evidence.anchor.evm.rpc-url", chain.rpcUrl().toString());
        p.put("seal.evidence.anchor.evm.chain-id", Long.toString(LocalEvmChain.CHAIN_ID));
        p.put("seal.evidence.anchor.evm.account-key-file",
                Files.createTempDirectory("anchor").resolve("account.key").toString());
        node = new SpringApplicationBuilder(EvidenceTestApp.class).properties(p).run();
    }

    @AfterAll
    void stop() {
        node.close();
        chain.close();
        db.close();
    }

    @Test
    void aSigningsReceiptVerifiesWithOnlyTheReceiptTheTrustedRootAndTheChain() throws Exception {
        List<DocumentsSigned> signings = List.of(signing(1), signing(2), signing(3));
        signings.forEach(node::publishEvent);
        node.getBean(Checkpoints.class).checkpoint();
        Anchoring.Anchored anchored = node.getBean(Anchoring.class).anchorDue().orElseThrow();
        assertThat(anchored.receipt().transactionHash()).matches("0x[0-9a-f]{64}");

        String signedSm3 = signings.get(1).signedSm3().get(0);
        ObjectNode receipt = receipt("documentSm3=" + signedSm3);
        assertThat(receipt.get("anchor").get("transactionHash").asText())
                .isEqualTo(anchored.receipt().transactionHash());

        ReceiptVerification online = verifier(true).verify(parse(receipt), List.of(signedSm3));
        assertThat(online.verdict()).as(online.checks().toString()).isEqualTo(Verdict.PASSED);
        assertThat(result(online, Check.EVIDENCE_INCLUSION).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result(online, Check.EVIDENCE_CHECKPOINT).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result(online, Check.EVIDENCE_ANCHOR).verdict()).isEqualTo(Verdict.PASSED);
        // no parent here: the witness check says so without deciding
        assertThat(result(online, Check.EVIDENCE_WITNESS).code()).isEqualTo(EvidenceReceiptVerifier.NOT_WITNESSED);
        assertThat(online.leaf()).containsEntry("esId", signings.get(1).esId()).containsEntry("kind", "SIGNING");

        ReceiptVerification offline = verifier(false).verify(parse(receipt), List.of(signedSm3));
        assertThat(offline.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result(offline, Check.EVIDENCE_ANCHOR).code()).isEqualTo(EvidenceReceiptVerifier.ANCHOR_NOT_CHECKED);
    }

    @Test
    void everyTamperingIsNamedByItsCheck() throws Exception {
        DocumentsSigned signed = signing(10);
        node.publishEvent(signed);
        node.getBean(Checkpoints.class).checkpoint();
        node.getBean(Anchoring.class).anchorDue();
        String sm3 = signed.signedSm3().get(0);
        ObjectNode receipt = receipt("documentSm3=" + sm3);

        assertThat(code(verifier(true).verify(parse(receipt), List.of("ff".repeat(32))), Check.EVIDENCE_INCLUSION))
                .isEqualTo(EvidenceReceiptVerifier.LEAF_NOT_THIS_DOCUMENT);

        ObjectNode otherLeaf = receipt.deepCopy();
        String leaf = new String(java.util.Base64.getDecoder().decode(receipt.get("leaf").asText()),
                StandardCharsets.UTF_8).replace("flow=AUTHORISED", "flow=REVIEWED");
        otherLeaf.put("leaf", java.util.Base64.getEncoder().encodeToString(leaf.getBytes(StandardCharsets.UTF_8)));
        assertThat(code(verifier(true).verify(parse(otherLeaf), List.of()), Check.EVIDENCE_INCLUSION))
                .isEqualTo(EvidenceReceiptVerifier.INCLUSION_INVALID);

        ObjectNode otherRoot = receipt.deepCopy();
        String body = receipt.get("checkpoint").get("body").asText();
        String root = body.replaceAll(".*\"rootHash\":\"([0-9a-f]{64})\".*", "$1");
        ((ObjectNode) otherRoot.get("checkpoint")).put("body", body.replace(root, "00".repeat(32)));
        ReceiptVerification rewritten = verifier(true).verify(parse(otherRoot), List.of());
        assertThat(code(rewritten, Check.EVIDENCE_CHECKPOINT))
                .isEqualTo(EvidenceReceiptVerifier.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(code(rewritten, Check.EVIDENCE_ANCHOR)).isEqualTo(EvidenceReceiptVerifier.ANCHOR_MISMATCH);
        assertThat(rewritten.verdict()).isEqualTo(Verdict.FAILED);

        ReceiptVerification untrusted = new EvidenceReceiptVerifier(List.of(), Optional.empty())
                .verify(parse(receipt), List.of(sm3));
        assertThat(code(untrusted, Check.EVIDENCE_CHECKPOINT)).isEqualTo("UNKNOWN_ROOT");
        assertThat(untrusted.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void aLeafNotYetInACheckpointAndUnknownOrBadHashesAreClearErrors() throws Exception {
        byte[] leaf = "HRSS-SEAL-EVIDENCE/1\nkind=TEST\nat=now".getBytes(StandardCharsets.UTF_8);
        node.getBean(LeafStore.class).append(leaf);
        String leafHash = HexFormat.of().formatHex(MerkleHashes.leaf(leaf));
        assertThat(errorCode("leafHash=" + leafHash)).isEqualTo(ReceiptController.NOT_YET);
        assertThat(errorCode("leafHash=" + "0".repeat(64))).isEqualTo(EvidenceController.LEAF_NOT_FOUND);
        assertThat(errorCode("documentSm3=xyz")).isEqualTo(EvidenceController.HASH_INVALID);
        assertThat(errorCode("leafHash=" + leafHash + "&documentSm3=" + leafHash))
                .isEqualTo(EvidenceController.HASH_INVALID);
        HttpResponse<String> operations = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence-operations")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(operations.statusCode()).isEqualTo(401);
    }

    @Test
    void aFailedAnchoringIsKeptWithItsCodeForOperators() {
        node.publishEvent(signing(20));
        node.getBean(Checkpoints.class).checkpoint();
        EvidenceAnchor down = new EvidenceAnchor() {
            @Override
            public AnchorReceipt anchor(AnchoredCheckpoint checkpoint) {
                throw new SealException(EvmEvidenceAnchor.UNREACHABLE, 503, "chain down");
            }

            @Override
            public Optional<AnchoredCheckpoint> recorded(String logId, long treeSize) {
                return Optional.empty();
            }

            @Override
            public String ledger() {
                return "evm:down";
            }
        };
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        Checkpoints checkpoints = node.getBean(Checkpoints.class);
        Anchoring failing = new Anchoring(checkpoints, down, jdbc,
                () -> checkpoints.latest().orElseThrow().treeSize() + 0, Duration.ZERO, Clock.systemUTC());
        jdbc.update("DELETE FROM evidence_anchor WHERE tree_size >= ?", checkpoints.latest().orElseThrow().treeSize());
        assertThatThrownBy(failing::anchorDue).isInstanceOf(SealException.class);
        assertThat(failing.attempts(1)).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Anchoring.FAILED);
            assertThat(a.code()).isEqualTo(EvmEvidenceAnchor.UNREACHABLE);
        });
    }

    private EvidenceReceiptVerifier verifier(boolean online) {
        CertificateAuthority ca = node.getBean(CertificateAuthority.class);
        EvidenceAnchor anchor = node.getBean(EvidenceAnchor.class);
        return new EvidenceReceiptVerifier(List.of(ca.rootCertificate()), online
                ? Optional.of((a, logId, size) -> anchor.recorded(logId, size)) : Optional.empty());
    }

    private static DocumentsSigned signing(int n) {
        String doc = String.format("%064x", n);
        String signed = String.format("%064x", 1000 + n);
        return new DocumentsSigned("sign-" + n + "-" + System.nanoTime(), DocumentsSigned.Flow.AUTHORISED,
                "GJ3502032600000001" + (n % 10), "ab".repeat(32), List.of(doc), List.of(signed), "03".repeat(32),
                Instant.parse("2026-12-06T01:00:00Z"));
    }

    private static EvidenceReceipt parse(ObjectNode receipt) {
        return EvidenceReceipt.parse(receipt.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static CheckResult result(ReceiptVerification v, Check check) {
        return v.checks().stream().filter(c -> c.check() == check).findFirst().orElseThrow();
    }

    private static String code(ReceiptVerification v, Check check) {
        return result(v, check).code();
    }

    private ObjectNode receipt(String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence/receipts?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (ObjectNode) json.readTree(r.body());
    }

    private String errorCode(String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence/receipts?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        return json.readTree(r.body()).get("code").asText();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }
}
