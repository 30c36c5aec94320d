package cn.hrss.seal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.MerkleProofs;
import cn.hrss.seal.core.merkle.MerkleTree;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log over real HTTP: appended leaves are covered by a signed checkpoint whose signature verifies with the node
 * key, and every inclusion and consistency proof the node serves verifies offline with seal-core's MerkleProofs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first test counts leaves from 0
abstract class EvidenceLogTestBase {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabase db;
    private ConfigurableApplicationContext node;

    abstract TestDatabase database();

    @BeforeAll
    void start() {
        db = database();
        Map<String, Object> p = EvidenceTestApp.properties(db);
        node = new SpringApplicationBuilder(EvidenceTestApp.class).properties(p).run();
    }

    @AfterAll
    void stop() {
        node.close();
        db.close();
    }

    @Test
    @Order(1)
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
        byte[] leaf = node.getBean(SigningEvidence.class).leaf(signed);
        String pseudonym = cn.hrss.seal.core.pii.PersonalDataProtector.forLabel(node.getBean(CipherDevice.class),
                cn.hrss.seal.core.pii.PersonalDataProtector.DEFAULT_KEK_LABEL).pseudonym(SigningEvidence.SIGNER_CONTEXT,
                "ab".repeat(32));
        assertThat(pseudonym).matches("[0-9a-f]{64}").isNotEqualTo("ab".repeat(32));
        assertThat(new String(leaf, StandardCharsets.UTF_8)).isEqualTo("""
                HRSS-SEAL-EVIDENCE/1
                kind=SIGNING
                flow=AUTHORISED
                signId=sign-1
                esId=GJ35020326000000015
                signer=%s
                documentSm3=%s
                signedSm3=%s
                timeStampSm3=-
                approvalSm3=%s
                signedAt=2026-11-24T01:00:00Z""".formatted(pseudonym, "01".repeat(32), "02".repeat(32),
                "03".repeat(32)));
        long size = node.getBean(JdbcTemplate.class).queryForObject("SELECT size FROM evidence_head", Long.class);
        JsonNode proof = get("/api/v1/evidence/proof/inclusion?leafHash="
                + HexFormat.of().formatHex(MerkleHashes.leaf(leaf)) + "&treeSize=" + size);
        assertThat(proof.get("leafIndex").asLong()).isLessThan(size);
    }

    @Test
    void aBatchSigningOfManyDigestsIsRecordedInLeavesThatFitAndFindEachDocument() {
        int n = 2 * SigningEvidence.ITEMS_PER_LEAF + 22;
        List<String> documents = new java.util.ArrayList<>();
        List<String> signatures = new java.util.ArrayList<>();
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            documents.add("%064x".formatted(i));
            signatures.add("%064x".formatted(10_000 + i));
            tokens.add("%064x".formatted(20_000 + i));
        }
        LeafStore log = node.getBean(LeafStore.class);
        long before = log.size();
        node.publishEvent(new DocumentsSigned("batch-1", DocumentsSigned.Flow.AUTHORISED, "GJ35020326000000015",
                "ab".repeat(32), documents, signatures, "03".repeat(32), Instant.parse("2026-12-06T01:00:00Z"),
                tokens));
        assertThat(log.size()).isEqualTo(before + 3);
        DocumentIndex index = node.getBean(DocumentIndex.class);
        for (int i = 0; i < n; i += 7) {
            long leafIndex = index.leafOf(documents.get(i)).orElseThrow();
            assertThat(index.leafOf(signatures.get(i))).hasValue(leafIndex);
            assertThat(leafIndex).isEqualTo(before + i / SigningEvidence.ITEMS_PER_LEAF);
            String leaf = new String(log.leaf(leafIndex).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(leaf).contains("signId=batch-1", documents.get(i), signatures.get(i), tokens.get(i));
            assertThat(leaf.length()).isLessThanOrEqualTo(LeafStore.MAX_LEAF);
        }
        assertThat(new String(log.leaf(before + 2).orElseThrow(), StandardCharsets.UTF_8))
                .doesNotContain(documents.get(0)).contains(documents.get(n - 1));
    }

    @Test
    void documentsSharingALookupKeyAndDocumentsIndexedBeforeTheKeyAreFoundInTheirOwnLeaves() {
        LeafStore log = node.getBean(LeafStore.class);
        DocumentIndex index = node.getBean(DocumentIndex.class);
        String first = "ab".repeat(8) + "01".repeat(24);
        String second = "ab".repeat(8) + "02".repeat(24);
        assertThat(DocumentIndex.documentKey(first)).isEqualTo(DocumentIndex.documentKey(second));
        for (String document : List.of(first, second)) {
            node.publishEvent(new DocumentsSigned("key-" + document, DocumentsSigned.Flow.AUTHORISED,
                    "GJ35020326000000015", "ab".repeat(32), List.of(document), List.of("0c".repeat(32)),
                    "03".repeat(32), Instant.parse("2026-12-06T02:00:00Z")));
        }
        long firstLeaf = index.leafOf(first).orElseThrow();
        long secondLeaf = index.leafOf(second).orElseThrow();
        assertThat(secondLeaf).isEqualTo(firstLeaf + 1);
        assertThat(new String(log.leaf(firstLeaf).orElseThrow(), StandardCharsets.UTF_8)).contains(first);
        assertThat(index.leafOf("ab".repeat(8) + "03".repeat(24))).isEmpty();
        assertThat(index.leafOf("not a digest")).isEmpty();

        // a row of the index as it was before V9_7 is still read
        String older = "0d".repeat(32);
        node.getBean(JdbcTemplate.class).update("INSERT INTO evidence_document (document_sm3, leaf_idx) VALUES (?, ?)",
                older, firstLeaf);
        assertThat(index.leafOf(older)).hasValue(firstLeaf);
    }

    @Test
    void theDocumentIndexIsFilledFromTheLeavesInSortedRunsAndLookupsDoNotWaitForIt() {
        DocumentIndex index = node.getBean(DocumentIndex.class);
        index.flush();
        assertThat(index.pending()).isZero();
        String document = "5e".repeat(32);
        String signature = "07".repeat(32);
        long leaf = signed("index-1", document, signature);

        // found while its leaf waits, before anything is in the index
        assertThat(index.pending()).isEqualTo(1);
        assertThat(index.leafOf(document)).hasValue(leaf);
        assertThat(index.leafOf(signature)).hasValue(leaf);
        assertThat(indexedKeys(leaf)).isEmpty();

        // a second leaf of several documents: one fill writes both leaves' keys as one run, each key once, in order
        List<String> many = List.of("ff".repeat(32), "01".repeat(32), "80".repeat(32));
        long second = signed("index-2", many, List.of(document));
        assertThat(index.flush()).isEqualTo(2);
        assertThat(index.pending()).isZero();
        assertThat(index.flush()).isZero();
        KeyRuns.Run run = runs().all().get(0);
        assertThat(run.level()).isZero();
        assertThat(List.of(run.firstLeaf(), run.endLeaf(), run.entries())).containsExactly(leaf, second + 1, 6L);
        List<KeyRuns.Entry> entries = new ArrayList<>();
        runs().read(run).forEachRemaining(entries::add);
        assertThat(entries).isSortedAccordingTo(KeyRuns.ORDER).hasSize(6);
        assertThat(indexedKeys(leaf)).containsExactlyInAnyOrder(DocumentIndex.documentKey(document),
                DocumentIndex.documentKey(signature));
        assertThat(indexedKeys(second)).hasSize(4);
        // the newest leaf naming a document wins, indexed or waiting
        assertThat(index.leafOf(document)).hasValue(second);
        assertThat(index.leafOf(signature)).hasValue(leaf);
        for (String d : many) {
            assertThat(index.leafOf(d)).hasValue(second);
        }
        long third = signed("index-3", document, "09".repeat(32));
        assertThat(index.leafOf(document)).hasValue(third);
        assertThat(index.flush()).isEqualTo(1);
        assertThat(index.leafOf(document)).hasValue(third);
    }

    @Test
    void aKeyIsNeverSplitAcrossPagesAndLookupsFindKeysOnEveryPage() {
        DocumentIndex index = node.getBean(DocumentIndex.class);
        LeafStore log = node.getBean(LeafStore.class);
        index.flush();
        long base = 0x7e57_0000_0000_0000L;
        List<String> documents = new ArrayList<>();
        int count = 20_000; // 167 pages: more than a merge reads at once
        for (int i = 0; i < count; i++) {
            documents.add("%016x%048x".formatted(base + i, i));
        }
        // leaves of 200 documents; the last also names the document at the end of the first page, so that its key
        // has two entries exactly where that page would end
        int boundary = KeyRuns.PAGE_ENTRIES - 1;
        int lastLeaf = (count - 1) / 200;
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += 200) {
            List<String> named = new ArrayList<>(documents.subList(from, Math.min(documents.size(), from + 200)));
            if (from == lastLeaf * 200) {
                named.add(documents.get(boundary));
            }
            leaves.add(String.join("\n", named).getBytes(StandardCharsets.US_ASCII));
            keys.add(DocumentIndex.keysOf(named));
        }
        long first = log.appendAll(leaves, keys);
        assertThat(index.flush()).isEqualTo(leaves.size());
        KeyRuns.Run run = runs().all().get(0);
        assertThat(run.entries()).isEqualTo(count + 1L);
        List<Long> lastKeys = new ArrayList<>();
        for (long last = base + boundary; last < base + count - 1; last += KeyRuns.PAGE_ENTRIES) {
            lastKeys.add(last);
        }
        lastKeys.add(base + count - 1);
        assertThat(node.getBean(JdbcTemplate.class).queryForList("SELECT last_key FROM evidence_key_page "
                + "WHERE run_id = ? ORDER BY last_key", Long.class, run.id())).isEqualTo(lastKeys);
        List<KeyRuns.Entry> entries = new ArrayList<>();
        runs().read(run).forEachRemaining(entries::add);
        assertThat(entries).hasSize(count + 1).isSortedAccordingTo(KeyRuns.ORDER).doesNotHaveDuplicates();
        assertThat(runs().leavesOf(run, base + boundary)).containsExactly(first + boundary / 200, first + lastLeaf);
        assertThat(index.leafOf(documents.get(boundary))).hasValue(first + lastLeaf);
        for (int i : new int[] {0, 1, boundary - 1, boundary + 1, 1_024, 2_047, 2_048, 16_383, 16_384, count - 1}) {
            assertThat(index.leafOf(documents.get(i))).as("document %d", i).hasValue(first + i / 200);
        }
        assertThat(runs().leavesOf(run, base - 1)).isEmpty();
        assertThat(runs().leavesOf(run, base + count)).isEmpty();
        assertThat(index.leafOf("%016x%048x".formatted(base + count, count))).isEmpty();
        assertThatThrownBy(() -> runs().write(0, 0, 1, List.of(new KeyRuns.Entry(2, 1), new KeyRuns.Entry(1, 1))
                .iterator())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullLevelsOfRunsAreMergedAndEveryDocumentIsStillFound() {
        DocumentIndex index = node.getBean(DocumentIndex.class);
        index.flush();
        while (index.compact()) {
            // whatever other tests left
        }
        assertThat(index.compact()).isFalse();
        long levelZero = runs().all().stream().filter(r -> r.level() == 0).count();
        long levelOne = runs().all().stream().filter(r -> r.level() == 1).count();
        Map<String, Long> leaves = new java.util.LinkedHashMap<>();
        for (long i = levelZero; i < KeyRuns.FANOUT; i++) {
            String document = "%064x".formatted(0xc0de_0000L + i);
            String signature = "%064x".formatted(0xface_0000L + i);
            long leaf = signed("merge-" + i, document, signature);
            leaves.put(document, leaf);
            leaves.put(signature, leaf);
            assertThat(index.flush()).isEqualTo(1);
        }
        assertThat(index.compact()).isTrue();
        assertThat(runs().all().stream().filter(r -> r.level() == 0)).isEmpty();
        List<KeyRuns.Run> merged = runs().all().stream().filter(r -> r.level() == 1).toList();
        assertThat(merged).hasSize((int) levelOne + 1);
        List<KeyRuns.Entry> entries = new ArrayList<>();
        runs().read(merged.get(0)).forEachRemaining(entries::add);
        assertThat(entries).isSortedAccordingTo(KeyRuns.ORDER).doesNotHaveDuplicates()
                .hasSize((int) merged.get(0).entries());
        leaves.forEach((document, leaf) -> assertThat(index.leafOf(document)).as(document).hasValue(leaf));
        assertThat(index.compact()).isFalse();
    }

    @Test
    void aLookupThatListedTheRunsBeforeAMergeReadsThemAgain() {
        DocumentIndex index = node.getBean(DocumentIndex.class);
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        index.flush();
        while (index.compact()) {
            // whatever other tests left
        }
        // fill level 0 until it is due for a merge; the document looked up is in its newest run
        String watched = "";
        long leaf = -1;
        for (long i = runs().all().stream().filter(r -> r.level() == 0).count(); i < KeyRuns.FANOUT; i++) {
            watched = "%064x".formatted(0xbee0000L + i);
            leaf = signed("race-" + i, watched, "%064x".formatted(0xbee1000L + i));
            index.flush();
        }
        // the lookup lists the runs; then a merge commits and removes them; then it reads their pages
        int[] listings = {0};
        KeyRuns racing = new KeyRuns(jdbc) {
            @Override
            List<Run> all() {
                List<Run> listed = super.all();
                if (listings[0]++ == 0) {
                    assertThat(index.compact()).isTrue();
                }
                return listed;
            }
        };
        assertThat(new DocumentIndex(jdbc, node.getBean(LeafStore.class), racing).leafOf(watched)).hasValue(leaf);
        assertThat(listings[0]).as("runs listed again after the merge").isEqualTo(2);
    }

    private KeyRuns runs() {
        return new KeyRuns(node.getBean(JdbcTemplate.class));
    }

    /** The lookup keys the runs hold for a leaf. */
    private List<Long> indexedKeys(long leaf) {
        List<Long> keys = new ArrayList<>();
        for (KeyRuns.Run run : runs().all()) {
            runs().read(run).forEachRemaining(e -> {
                if (e.leaf() == leaf) {
                    keys.add(e.key());
                }
            });
        }
        return keys;
    }

    @Test
    void aLeafWithoutDocumentsAndAFailedAppendLeaveTheIndexConsistent() {
        DocumentIndex index = node.getBean(DocumentIndex.class);
        LeafStore log = node.getBean(LeafStore.class);
        index.flush();
        long plain = log.append("plain leaf".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> log.appendAll(List.of("a".getBytes(StandardCharsets.UTF_8)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(index.pending()).isEqualTo(1);
        assertThat(index.flush()).isEqualTo(1);
        assertThat(indexedKeys(plain)).isEmpty();
        assertThatThrownBy(() -> DocumentIndex.keysOf(List.of("not a digest")))
                .isInstanceOf(IllegalArgumentException.class);
        // digits of other scripts are not hex digits of an SM3
        assertThatThrownBy(() -> DocumentIndex.keysOf(List.of("\u0663".repeat(64))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(index.leafOf("\uff11".repeat(64))).isEmpty();
        assertThat(index.leafOf("0".repeat(63) + "g")).isEmpty();
        assertThat(DocumentIndex.keysOf(List.of())).isNull();
    }

    private long signed(String signId, String document, String signature) {
        return signed(signId, List.of(document), List.of(signature));
    }

    /** The leaf a signing of these documents became. */
    private long signed(String signId, List<String> documents, List<String> signatures) {
        LeafStore log = node.getBean(LeafStore.class);
        long before = log.size();
        List<String> signed = new ArrayList<>(signatures);
        while (signed.size() < documents.size()) {
            signed.add(signatures.get(0));
        }
        node.publishEvent(new DocumentsSigned(signId, DocumentsSigned.Flow.AUTHORISED, "GJ35020326000000015",
                "ab".repeat(32), documents, signed.subList(0, documents.size()), "03".repeat(32),
                Instant.parse("2026-12-06T03:00:00Z")));
        assertThat(log.size()).isEqualTo(before + 1);
        return before;
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

    @Test
    void proofsFromStoredSubtreesAreThoseOfAllLeavesAfterSingleAndBatchedAppends() throws Exception {
        LeafStore log = node.getBean(LeafStore.class);
        StoredTree tree = node.getBean(StoredTree.class);
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        long start = log.size();
        int[] batches = {1, 7, 1, 1, 100, 0, 3, 64, 1, 31, 2, 90};
        int appended = 0;
        for (int b : batches) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < b; i++) {
                batch.add(("{\"kind\":\"TEST\",\"n\":" + (appended + i) + "}").getBytes(StandardCharsets.UTF_8));
            }
            long first = b == 1 ? log.append(batch.get(0)) : log.appendAll(batch);
            assertThat(first).isEqualTo(start + appended);
            appended += b;
        }
        assertThatThrownBy(() -> log.appendAll(List.of(new byte[] {1}, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        long size = log.size();
        assertThat(size).isEqualTo(start + appended);
        assertThat(appended).isEqualTo(301);
        // the reference: MerkleTree over every leaf hash, as the log computed proofs before V9_3
        List<byte[]> all = jdbc.query("SELECT leaf_hash FROM evidence_leaf ORDER BY idx",
                (rs, n) -> HexFormat.of().parseHex(rs.getString(1)));
        assertThat(all).hasSize((int) size);
        MerkleTree reference = MerkleTree.of(all);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_node", Long.class))
                .isEqualTo(size - Long.bitCount(size));
        for (int n = 1; n <= size; n++) {
            assertThat(tree.root(n)).as("root %d", n).isEqualTo(reference.root(n));
        }
        for (int n : new int[] {(int) size, (int) size - 1, 256, 255, 129, (int) start + 9}) {
            for (int m = 0; m < n; m++) {
                assertThat(tree.inclusionProof(m, n)).as("%d of %d", m, n)
                        .containsExactlyElementsOf(reference.inclusionProof(m, n));
            }
            for (int m = 1; m <= n; m += 7) {
                assertThat(tree.consistencyProof(m, n)).as("%d -> %d", m, n)
                        .containsExactlyElementsOf(reference.consistencyProof(m, n));
            }
        }
        // and over HTTP, as a verifier gets them
        byte[] root = reference.root((int) size);
        JsonNode inclusion = get("/api/v1/evidence/proof/inclusion?leafHash=" + HexFormat.of().formatHex(all.get(200))
                + "&treeSize=" + size);
        assertThat(MerkleProofs.verifyInclusion(all.get(200), 200, size, hashes(inclusion.get("auditPath")), root))
                .isTrue();
        JsonNode consistency = get("/api/v1/evidence/proof/consistency?first=100&second=" + size);
        assertThat(MerkleProofs.verifyConsistency(100, size, hashes(consistency.get("proof")), reference.root(100),
                root)).isTrue();

        // a log from before V9_3 (leaves, no subtrees) gets them at start-up, the same
        jdbc.update("DELETE FROM evidence_node");
        log.completeNodes();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_node", Long.class))
                .isEqualTo(size - Long.bitCount(size));
        assertThat(tree.root(size)).isEqualTo(root);
        assertThat(tree.inclusionProof(size - 5, size)).containsExactlyElementsOf(
                reference.inclusionProof((int) size - 5, (int) size));
    }

    @Test
    void aRewrittenLeafIsCaught() throws Exception {
        LeafStore log = node.getBean(LeafStore.class);
        StoredTree tree = node.getBean(StoredTree.class);
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(("rewrite test " + i).getBytes(StandardCharsets.UTF_8));
        }
        log.appendAll(batch);
        long before = log.size();
        byte[] beforeRoot = tree.root(before);
        long victim = before - 30;
        String original = jdbc.queryForObject("SELECT leaf_hash FROM evidence_leaf WHERE idx = ?", String.class,
                victim);
        byte[] forged = MerkleHashes.leaf("forged".getBytes(StandardCharsets.UTF_8));
        List<Object[]> originalNodes = jdbc.query("SELECT level, idx, hash FROM evidence_node", (rs, n) ->
                new Object[] {rs.getInt(1), rs.getLong(2), rs.getString(3)});
        try {
            // a rewrite of the leaf row only: its inclusion proof from the stored subtrees no longer reaches the root
            jdbc.update("UPDATE evidence_leaf SET leaf_hash = ? WHERE idx = ?", HexFormat.of().formatHex(forged),
                    victim);
            assertThat(MerkleProofs.verifyInclusion(forged, victim, before, tree.inclusionProof(victim, before),
                    beforeRoot)).isFalse();
            // a thorough rewrite, every stored subtree above the leaf too: the log goes on, but it cannot prove the
            // new tree consistent with the checkpoint before the rewrite
            for (int level = 1; (victim >> level) < (before >> level); level++) {
                long index = victim >> level;
                byte[] hash = MerkleHashes.node(stored(jdbc, level - 1, 2 * index), stored(jdbc, level - 1,
                        2 * index + 1));
                jdbc.update("UPDATE evidence_node SET hash = ? WHERE level = ? AND idx = ?",
                        HexFormat.of().formatHex(hash), level, index);
            }
            log.append("after the rewrite".getBytes(StandardCharsets.UTF_8));
            long after = log.size();
            assertThat(MerkleProofs.verifyConsistency(before, after, tree.consistencyProof(before, after), beforeRoot,
                    tree.root(after))).isFalse();
        } finally {
            jdbc.update("UPDATE evidence_leaf SET leaf_hash = ? WHERE idx = ?", original, victim);
            jdbc.batchUpdate("UPDATE evidence_node SET hash = ? WHERE level = ? AND idx = ?", originalNodes.stream()
                    .map(r -> new Object[] {r[2], r[0], r[1]}).toList());
        }
        assertThat(tree.root(before)).isEqualTo(beforeRoot);
    }

    private static byte[] stored(JdbcTemplate jdbc, int level, long index) {
        return HexFormat.of().parseHex(level == 0
                ? jdbc.queryForObject("SELECT leaf_hash FROM evidence_leaf WHERE idx = ?", String.class, index)
                : jdbc.queryForObject("SELECT hash FROM evidence_node WHERE level = ? AND idx = ?", String.class,
                level, index));
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
