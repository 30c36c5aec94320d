package cn.hrss.seal.node;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.seal.application.verify.EvidenceReceipt;
import cn.hrss.seal.application.verify.EvidenceReceiptVerifier;
import cn.hrss.seal.application.verify.ReceiptVerification;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.testsupport.LocalEvmChain;
import cn.hrss.seal.testsupport.TestDatabase;
import cn.hrss.seal.testsupport.TestIdentifiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Four nodes in one JVM, each its own Spring context, database, key store and HTTP port, wired as the demo: the
 * ministry, Fujian and Guangdong under it, Xiamen under Fujian. Registration goes through the nodes' own APIs;
 * then a seal made at Xiamen is held by Fujian and the ministry, resolved by Guangdong through the ministry, and its
 * revocation is pushed on to Guangdong. Subclasses choose PostgreSQL or H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FederatedNodesTestBase {
    private static final String ADMIN_PASSWORD = "Bootstrap9Admin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<TestDatabase> databases = new ArrayList<>();
    private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    abstract TestDatabase database();

    private LocalEvmChain chain;

    @BeforeAll
    void startAndRegister() throws Exception {
        chain = LocalEvmChain.start();
        start("ministry", "MINISTRY", "100000", null);
        start("fujian", "PROVINCE", "350000", "ministry");
        start("guangdong", "PROVINCE", "440000", "ministry");
        start("xiamen", "CITY", "350200", "fujian");
        register("fujian", "ministry");
        register("guangdong", "ministry");
        register("xiamen", "fujian");
    }

    @AfterAll
    void stopAll() {
        List<ConfigurableApplicationContext> reverse = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(ConfigurableApplicationContext::close);
        databases.forEach(TestDatabase::close);
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void aCitysSealIsHeldUpTheTiersResolvedAcrossProvincesAndItsRevocationPushedDown() throws Exception {
        String esId = makeSeal("xiamen");
        // synchronised up: Fujian, then the ministry hold it (signed status answers of their own)
        assertThat(await("fujian holds " + esId, () -> statusAt("fujian", esId, "VALID"))).isTrue();
        assertThat(await("the ministry holds " + esId, () -> statusAt("ministry", esId, "VALID"))).isTrue();
        // (asking first may have made the ministry fetch it from Fujian; the synchronised copy replaces that)
        assertThat(await("the ministry holds it as synchronised", () -> "SYNCED".equals(jdbc("ministry")
                .queryForList("SELECT source FROM statusfed_seal WHERE es_id = ?", String.class, esId).stream()
                .findFirst().orElse(null)))).isTrue();
        // an industry-only seal never asks the national platform for anything
        assertThat(jdbc("xiamen").queryForObject("SELECT COUNT(*) FROM federation_outbox WHERE kind LIKE 'seal.%'",
                Integer.class)).isZero();
        assertThat(jdbc("xiamen").queryForObject("SELECT COUNT(*) FROM national_code_request", Integer.class))
                .isZero();
        // Guangdong never saw it: it asks the ministry and caches the answer
        assertThat(status("guangdong", esId)).isEqualTo("VALID");
        assertThat(jdbc("guangdong").queryForObject("SELECT source FROM statusfed_seal WHERE es_id = ?", String.class,
                esId)).isEqualTo("CACHED");
        assertThat(jdbc("ministry").queryForList("SELECT destination FROM statusfed_subscription WHERE es_id = ?",
                String.class, esId)).contains("region:440000");

        Instant beforeCancel = Instant.now();
        lifecycle("xiamen", esId, "cancel", Map.of("reason", "单位撤销"));
        // pushed down by the ministry to the province that asked (its cache would otherwise last an hour)
        assertThat(await("Guangdong learns the revocation", () -> statusAt("guangdong", esId, "REVOKED"))).isTrue();
        JsonNode before = get("guangdong", "/api/v1/seal-status/" + esId + "?at=" + beforeCancel);
        assertThat(before.path("status").asText()).isEqualTo("VALID");
    }

    @Test
    void aLowerNodeCannotChangeSealsOutsideItsRegionAndUnknownSealsStayUnknown() throws Exception {
        String esId = makeSeal("xiamen");
        assertThat(await("the ministry holds " + esId, () -> statusAt("ministry", esId, "VALID"))).isTrue();
        // Guangdong (440000) claims a change of a Fujian seal at the ministry: refused, nothing stored
        ObjectNode forged = json.createObjectNode().put("esId", esId).put("previous", "VALID").put("status", "REVOKED")
                .put("at", Instant.now().toString()).put("reason", "forged").put("version", 2)
                .put("regionCode", "350203").put("unitName", "x").put("sealName", "x").put("certificateSerial", "01")
                .put("validStart", "2026-01-01T00:00:00Z").put("validEnd", "2030-01-01T00:00:00Z");
        HttpResponse<String> refused = signedPost("guangdong", "ministry", MessageKind.STATUS_CHANGE, forged.toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).path("code").asText()).isEqualTo("STATUS_CHANGE_OUT_OF_REGION");
        assertThat(status("ministry", esId)).isEqualTo("VALID");
        // malformed bodies are 400 with a stable code
        HttpResponse<String> malformed = signedPost("guangdong", "ministry", MessageKind.STATUS_CHANGE, "{\"esId\":1}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("code").asText()).isEqualTo("STATUS_CHANGE_INVALID");
        HttpResponse<String> badQuery = signedPost("guangdong", "ministry", MessageKind.STATUS_QUERY,
                "{\"esId\":\"../etc\"}");
        assertThat(badQuery.statusCode()).isEqualTo(400);
        // a code nobody made is UNKNOWN everywhere
        assertThat(status("guangdong", "4403000000000000000000001")).isEqualTo("UNKNOWN");
    }

    @Test
    void theMinistryRoutesAQuestionDownByTheRegionOfASealItDoesNotHold() throws Exception {
        String esId = makeSeal("xiamen");
        assertThat(await("the ministry holds it as synchronised", () -> "SYNCED".equals(jdbc("ministry")
                .queryForList("SELECT source FROM statusfed_seal WHERE es_id = ?", String.class, esId).stream()
                .findFirst().orElse(null)))).isTrue();
        // as if the ministry had lost its copy: it must ask the province serving the seal's region (350203)
        jdbc("ministry").update("DELETE FROM statusfed_version WHERE es_id = ?", esId);
        jdbc("ministry").update("DELETE FROM statusfed_seal WHERE es_id = ?", esId);

        assertThat(status("guangdong", esId)).isEqualTo("VALID");
        assertThat(jdbc("ministry").queryForObject("SELECT source FROM statusfed_seal WHERE es_id = ?", String.class,
                esId)).as("the ministry cached Fujian's answer").isEqualTo("CACHED");
    }

    @Test
    void theProvinceWitnessesTheCitysEvidenceLogAndCatchesARewrite() throws Exception {
        var log = nodes.get("xiamen").getBean(cn.hrss.seal.evidence.api.EvidenceLog.class);
        for (int i = 0; i < 5; i++) {
            log.append(("witness test leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        String fujian = nodes.get("fujian").getBean(MessageSigner.class).signerId().hex();
        assertThat(await("Fujian cosigns Xiamen's checkpoint", () -> {
            JsonNode c = get("xiamen", "/api/v1/evidence/checkpoint");
            return c.path("treeSize").asLong() >= 5 && c.path("cosignatures").toString().contains(fujian);
        })).isTrue();

        // someone rewrites an early entry in Xiamen's database, with the stored subtree hashes above it (else the
        // stored tree still holds the old leaf), then the log goes on
        rewriteFirstLeaf("xiamen", new byte[32]);
        log.append("after the rewrite".getBytes(StandardCharsets.UTF_8));
        assertThat(await("Fujian raises an alarm", () -> jdbc("fujian").queryForObject(
                "SELECT COUNT(*) FROM evidence_witness_alarm WHERE code = 'EVIDENCE_INCONSISTENT'",
                Integer.class) > 0)).isTrue();
        JsonNode latest = get("xiamen", "/api/v1/evidence/checkpoint");
        assertThat(latest.path("cosignatures").toString()).doesNotContain(fujian);
    }

    /**
     * Issue 7's "done means": a three-party contract runs to completion on Fujian (institutions, invitations, each
     * party's reviewed signing through the contract module); each signature's evidence is then proven with only its
     * receipt, the ministry's cosignature in it and the root the chain recorded — and the node's own verification
     * finds and checks the three receipts by itself.
     */
    @Test
    void eachSignatureOfAThreePartyContractIsProvenByItsReceiptTheParentsCosignatureAndTheChain() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String business = businessAdmin("fujian");
        List<String[]> parties = new ArrayList<>();
        for (int party = 0; party < 3; party++) {
            // Fuzhou units: Fujian serves them itself (Xiamen's units are Xiamen's)
            String esId = makeSeal("fujian", "350102");
            String institution = post("fujian", "/api/v1/contract-institutions", business, json.createObjectNode()
                    .put("name", "合同方" + party + suffix).put("creditCode", lastCreditCode)
                    .put("contactEmail", "party" + party + "@example.cn").toString(), 201).get("id").asText();
            for (String member : List.of(lastOperatorName, lastReviewerName)) {
                post("fujian", "/api/v1/contract-institutions/" + institution + "/members", business,
                        "{\"username\":\"" + member + "\"}", 204);
            }
            parties.add(new String[] {institution, esId, lastOperator, lastReviewer});
        }
        ObjectNode contract = json.createObjectNode().put("title", "三方合作协议").put("signingOrder", "SEQUENTIAL")
                .put("contentBase64", java.util.Base64.getEncoder().encodeToString(onePagePdf()))
                .put("deadline", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(30).toString());
        parties.forEach(p -> contract.withArray("parties").addObject().put("institutionId", p[0]).put("esId", p[1])
                .put("notifyEmail", "notify@example.cn"));
        String id = post("fujian", "/api/v1/contracts", parties.get(0)[2], contract.toString(), 201).get("id").asText();
        List<String> revisions = new ArrayList<>();
        List<byte[]> versions = new ArrayList<>();
        for (String[] p : parties) {
            String request = post("fujian", "/api/v1/contracts/" + id + "/sign-requests", p[2],
                    "{\"purpose\":\"合同签署\"}", 201).get("signRequestId").asText();
            post("fujian", "/api/v1/sign-requests/" + request + "/approve", p[3], "{\"opinion\":\"同意\"}", 200);
            post("fujian", "/api/v1/sign-requests/" + request + "/sign", p[2], "", 200);
            byte[] version = document("fujian", "/api/v1/contracts/" + id + "/document", p[2]);
            versions.add(version);
            revisions.add(java.util.HexFormat.of().formatHex(cn.hrss.seal.core.crypto.Sm3.hash(version)));
        }
        JsonNode done = getAs("fujian", "/api/v1/contracts/" + id, parties.get(1)[2]);
        assertThat(done.path("status").asText()).as(done.toPrettyString()).isEqualTo("ARCHIVED");
        byte[] pdf = document("fujian", "/api/v1/contracts/" + id + "/document", parties.get(2)[2]);
        String ministry = nodes.get("ministry").getBean(MessageSigner.class).signerId().hex();
        List<JsonNode> receipts = new ArrayList<>();
        for (String revision : revisions) {
            assertThat(await("receipt of " + revision + " is cosigned and anchored", () -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("fujian",
                        "/api/v1/evidence/receipts?documentSm3=" + revision)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode receipt = json.readTree(r.body());
                if (r.statusCode() == 200 && receipt.has("anchor") && receipt.toString().contains(ministry)) {
                    receipts.add(receipt);
                    return true;
                }
                return false;
            })).isTrue();
        }

        var anchor = nodes.get("fujian").getBean(cn.hrss.seal.core.anchor.EvidenceAnchor.class);
        var chainView = cn.hrss.seal.anchor.evm.EvmEvidenceAnchor.reader(chain.rpcUrl(), LocalEvmChain.CHAIN_ID,
                anchor.registry());
        var verifier = new EvidenceReceiptVerifier(List.of(
                nodes.get("fujian").getBean(CertificateAuthority.class).rootCertificate(),
                nodes.get("ministry").getBean(CertificateAuthority.class).rootCertificate()),
                java.util.Optional.of((a, logId, size) -> chainView.recorded(logId, size)));
        for (int i = 0; i < 3; i++) {
            ReceiptVerification v = verifier.verify(EvidenceReceipt.parse(receipts.get(i).toString()
                    .getBytes(StandardCharsets.UTF_8)), List.of(revisions.get(i)));
            assertThat(v.verdict()).as(v.checks().toString()).isEqualTo(Verdict.PASSED);
            assertThat(v.checks()).as("inclusion, checkpoint, witness and anchor all pass")
                    .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.PASSED));
            // the leaf names the signing's RFC 3161 token by its SM3, no personal data
            assertThat(v.leaf().get("timeStampSm3")).matches("[0-9a-f]{64}");
            assertThat(v.leaf().get("signer")).matches("[0-9a-f]{64}");
        }

        // the node's own verification finds the receipts of all three signed revisions by itself
        JsonNode report = verifyOnNode("fujian", pdf);
        assertThat(report.path("verdict").asText()).as(report.toPrettyString()).isEqualTo("PASSED");
        assertThat(report.path("signatures")).hasSize(3).allSatisfy(signature ->
                assertThat(signature.path("checks").toString()).contains("EVIDENCE_ANCHOR").contains("EVIDENCE_WITNESS"));

        // a receipt uploaded with a document it does not record (the third signing's, with the first version) is a
        // FAILED document check; a receipt that is not one is a 400 with its code
        HttpResponse<String> stray = verifyWithReceipts("fujian", versions.get(0),
                List.of(receipts.get(2).toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(stray.statusCode()).as(stray.body()).isEqualTo(200);
        JsonNode strayReport = json.readTree(stray.body());
        assertThat(strayReport.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(strayReport.path("documentChecks").toString()).contains("EVIDENCE_LEAF_NOT_THIS_DOCUMENT");
        HttpResponse<String> malformed = verifyWithReceipts("fujian", versions.get(0),
                List.of("{\"format\":".getBytes(StandardCharsets.UTF_8)));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("code").asText()).isEqualTo("EVIDENCE_RECEIPT_MALFORMED");

        // the operators' views: Fujian's console shows its anchoring, the ministry's the log it witnesses for Fujian
        String fujianLog = nodes.get("fujian").getBean(MessageSigner.class).signerId().hex();
        // (anchoring goes on as contract events are logged: the latest transaction may be a later one)
        assertThat(consolePage("fujian", "/console/federation")).contains("存证日志", "区块链锚定", "evm:1337",
                "已锚定");
        assertThat(consolePage("ministry", "/console/federation")).contains("见证的下级日志", fujianLog);
    }

    /**
     * A business system's batch of 130 digests on the API: one call, one audit record, every signature verifies and
     * every digest has its evidence receipt (the batch is recorded in leaves of at most 64 items).
     */
    @Test
    void aBatchOfDigestsSignedInOneCallHasOneAuditRecordAndAReceiptPerDigest() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String business = businessAdmin("fujian");
        String esId = makeSeal("fujian", "350102");
        JsonNode client = post("fujian", "/api/v1/api-clients", business, "{\"name\":\"待遇发放系统\"}", 201);
        post("fujian", "/api/v1/authorisations", business, json.createObjectNode()
                .put("clientId", client.get("clientId").asText()).put("esId", esId)
                .put("validUntil", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1).toString())
                .put("dailyLimit", 1000).set("purposes", json.createArrayNode().add("待遇发放")).toString(), 201);
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 20); // not in the second the seal was made
        var sealClient = cn.hrss.seal.client.SealClient.builder().baseUrl(uri("fujian", "/").toString()).build();
        sealClient.loginClient(client.get("clientId").asText(), client.get("clientSecret").asText());
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            data.add(("养老金发放明细 " + suffix + " " + i).getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> signatures = sealClient.signDigests(esId, "待遇发放",
                data.stream().map(cn.hrss.seal.core.crypto.Sm3::hash).toList(), true);
        assertThat(signatures).hasSize(130);
        for (int i : new int[] {0, 64, 129}) {
            var report = sealClient.verify(signatures.get(i), data.get(i));
            assertThat(report.verdict()).as(report.toString()).isEqualTo("PASSED");
        }
        assertThat(jdbc("fujian").queryForObject("SELECT COUNT(*) FROM audit_record WHERE action = 'seal.sign' "
                + "AND actor = ?", Integer.class, "client:" + client.get("clientId").asText())).isEqualTo(1);
        var verifier = new EvidenceReceiptVerifier(List.of(
                nodes.get("fujian").getBean(CertificateAuthority.class).rootCertificate()), java.util.Optional.empty());
        java.util.Set<Long> leaves = new java.util.HashSet<>();
        for (int i : new int[] {0, 63, 64, 129}) {
            String digest = java.util.HexFormat.of().formatHex(cn.hrss.seal.core.crypto.Sm3.hash(data.get(i)));
            List<JsonNode> found = new ArrayList<>();
            assertThat(await("receipt of item " + i, () -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("fujian",
                        "/api/v1/evidence/receipts?documentSm3=" + digest)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    found.add(json.readTree(r.body()));
                    return true;
                }
                return false;
            })).isTrue();
            EvidenceReceipt receipt = EvidenceReceipt.parse(found.get(0).toString().getBytes(StandardCharsets.UTF_8));
            ReceiptVerification v = verifier.verify(receipt, List.of(digest));
            assertThat(v.checks()).filteredOn(c -> c.check() == cn.hrss.seal.application.verify.Check.EVIDENCE_INCLUSION)
                    .singleElement().satisfies(c -> assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.PASSED));
            assertThat(v.leaf().get("documentSm3").split(",")).hasSizeLessThanOrEqualTo(64).contains(digest);
            assertThat(v.leaf().get("timeStampSm3")).matches("[0-9a-f]{64}(,[0-9a-f]{64})*");
            leaves.add(receipt.leafIndex());
        }
        assertThat(leaves).as("items 0 and 63 share a leaf, 64 and 129 are in the next ones").hasSize(3);
    }

    /** A console page as the node's administrator sees it, after the console's own form login. */
    private String consolePage(String node, String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = browser.send(HttpRequest.newBuilder(uri(node, "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String credentials = "username=admin&password=" + java.net.URLEncoder.encode(ADMIN_PASSWORD,
                StandardCharsets.UTF_8) + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri(node, "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri(node, path))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    // ---------------------------------------------------------------- topology

    private void start(String name, String tier, String region, String parent) throws Exception {
        int port = freePort();
        ports.put(name, port);
        TestDatabase db = database();
        databases.add(db);
        Path dataDir = Files.createTempDirectory("federated-" + name);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("server.address", "127.0.0.1");
        p.put("seal.data-dir", dataDir.toString());
        p.put("spring.datasource.url", db.url());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("seal.tier", tier);
        p.put("seal.region-code", region);
        p.put("seal.accounts.bootstrap-admin", "admin:" + ADMIN_PASSWORD);
        p.put("seal.service-mgmt.base-url", "http://127.0.0.1:" + port);
        p.put("seal.federation.outbox.poll-interval", "200ms");
        p.put("seal.federation.outbox.initial-backoff", "500ms");
        p.put("seal.federation.outbox.max-backoff", "2s");
        p.put("seal.status.federation.cache-ttl", "PT1H");
        p.put("seal.making.expiry.enabled", "false");
        p.put("seal.evidence.checkpoint-interval", "PT1S");
        p.put("seal.evidence.anchor.interval", "PT1S");
        p.put("seal.evidence.anchor.evm.rpc-url", chain.rpcUrl());
        p.put("seal.evidence.anchor.evm.chain-id", LocalEvmChain.CHAIN_ID);
        if (parent != null) {
            Path pinned = dataDir.resolve("parent-root.der");
            Files.write(pinned, nodes.get(parent).getBean(CertificateAuthority.class).rootCertificate().getEncoded());
            p.put("seal.service-mgmt.parent.base-url", "http://127.0.0.1:" + ports.get(parent));
            p.put("seal.service-mgmt.parent.pinned-certificate", pinned.toString());
            p.put("seal.service-mgmt.parent.pull-interval", "PT1S");
        }
        // as command-line arguments: they win over the node's application.yml, as an operator's do
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        nodes.put(name, new SpringApplicationBuilder(SealNodeApplication.class).run(args));
    }

    /**
     * The upper node's administrator runs the access test against the lower node; the lower node applies through its
     * own API with its own key and that report; the upper's administrator approves.
     */
    private void register(String lower, String upper) throws Exception {
        JsonNode test = post(upper, "/api/v1/access-tests", adminToken(upper),
                "{\"targetBaseUrl\":\"" + uri(lower, "") + "\"}", 201);
        assertThat(test.path("verdict").asText()).as(test.path("cases").toPrettyString()).isEqualTo("PASSED");
        JsonNode report = test.get("report");
        ObjectNode application = json.createObjectNode().put("systemName", lower + " seal system")
                .put("organisation", lower + " HRSS");
        application.putArray("kinds").add("MAKING").add("STATUS");
        application.set("accessTestReport", report);
        String id = post(lower, "/api/v1/parent-registration", adminToken(lower), application.toString(), 202)
                .get("registrationId").asText();
        post(upper, "/api/v1/registrations/" + id + "/review", adminToken(upper),
                "{\"decision\":\"APPROVE\",\"opinion\":\"ok\"}", 200);
        assertThat(post(lower, "/api/v1/parent-registration/refresh", adminToken(lower), "", 200).path("status")
                .asText()).isEqualTo("APPROVED");
        var lowerId = nodes.get(lower).getBean(MessageSigner.class).signerId();
        assertThat(nodes.get(upper).getBean(cn.hrss.seal.core.message.TrustList.class).find(lowerId))
                .as("the upper node trusts the lower one's messages from now on").isPresent();
    }

    // ---------------------------------------------------------------- seals

    private String makeSeal(String node) throws Exception {
        return makeSeal(node, "350203");
    }

    /** @param unitRegion the unit's county: seal codes are numbered per region, so two nodes never share one */
    private String makeSeal(String node, String unitRegion) throws Exception {
        String admin = adminToken(node);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String creditCode = TestIdentifiers.creditCode(unitRegion);
        for (String[] u : new String[][] {{"op" + suffix, "SEAL_OPERATOR"}, {"rv" + suffix, "SEAL_REVIEWER"}}) {
            post(node, "/api/v1/users", admin, "{\"username\":\"" + u[0] + "\",\"password\":\"" + u[0]
                    + "Pass9X\",\"displayName\":\"" + u[0] + "\",\"roles\":[\"" + u[1] + "\"]}", 201);
        }
        String operator = token(node, "op" + suffix, "op" + suffix + "Pass9X");
        String reviewer = token(node, "rv" + suffix, "rv" + suffix + "Pass9X");
        String id = post(node, "/api/v1/seal-applications", operator, """
                {"unitCreditCode":"%s","unitRegionCode":"%s","unitType":"PUBLIC_INSTITUTION",
                 "unitName":"厦门市社会保险中心","unitAddress":"厦门市思明区","agentName":"张三",
                 "agentIdNumber":"11010519491231002X","agentPhone":"13800138000",
                 "approverUnitName":"厦门市人力资源和社会保障局","approverRegionCode":"350200",
                 "sealName":"业务专用章","sealType":"99","scope":"INDUSTRY","validityDays":365}"""
                .formatted(creditCode, unitRegion), 201)
                .get("id").asText();
        post(node, "/api/v1/seal-applications/" + id + "/approve", reviewer, "{\"opinion\":\"同意\"}", 200);
        JsonNode made = post(node, "/api/v1/seal-applications/" + id + "/make", operator, "", 200);
        assertThat(made.path("status").asText()).isEqualTo("VALID");
        this.lastOperator = operator;
        this.lastReviewer = reviewer;
        this.lastOperatorName = "op" + suffix;
        this.lastReviewerName = "rv" + suffix;
        this.lastCreditCode = creditCode;
        return made.get("esId").asText();
    }

    private String lastOperator;
    private String lastReviewer;
    private String lastOperatorName;
    private String lastReviewerName;
    private String lastCreditCode;

    private void lifecycle(String node, String esId, String action, Map<String, String> body) throws Exception {
        post(node, "/api/v1/seals/" + esId + "/" + action, lastOperator, json.writeValueAsString(body), 200);
    }

    private static byte[] onePagePdf() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private byte[] document(String node, String path, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri(node, path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private JsonNode getAs(String node, String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(node, path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode verifyOnNode(String node, byte[] document) throws Exception {
        HttpResponse<String> r = verifyWithReceipts(node, document, List.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** {@code POST /api/v1/verify} with the document as part "file" and each receipt as a part "receipt". */
    private HttpResponse<String> verifyWithReceipts(String node, byte[] document, List<byte[]> receipts)
            throws Exception {
        String boundary = "b" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(document);
        for (byte[] receipt : receipts) {
            body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"receipt\";"
                    + " filename=\"r.receipt.json\"\r\nContent-Type: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(receipt);
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return http.send(HttpRequest.newBuilder(uri(node, "/api/v1/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- HTTP

    private String status(String node, String esId) throws Exception {
        return get(node, "/api/v1/seal-status/" + esId).path("status").asText();
    }

    private boolean statusAt(String node, String esId, String expected) throws Exception {
        return expected.equals(status(node, esId));
    }

    private JsonNode get(String node, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(node, path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private JsonNode post(String node, String path, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(node, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(node + " " + path + ": " + r.body()).isEqualTo(expected);
        return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
    }

    private HttpResponse<String> signedPost(String from, String to, MessageKind kind, String body) throws Exception {
        String path = "/federation/messages/" + kind.name() + "/" + kind.version();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedMessage signed = nodes.get(from).getBean(MessageSigner.class).sign(
                new MessageContext.Request("POST", path), kind, UUID.randomUUID().toString(), bytes);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(to, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.httpHeaders().forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token of a new business administrator of that node. */
    private String businessAdmin(String node) throws Exception {
        String name = "biz" + UUID.randomUUID().toString().substring(0, 6);
        post(node, "/api/v1/users", adminToken(node), "{\"username\":\"" + name + "\",\"password\":\"" + name
                + "Pass9X\",\"displayName\":\"biz\",\"roles\":[\"BUSINESS_ADMIN\"]}", 201);
        return token(node, name, name + "Pass9X");
    }

    private String adminToken(String node) throws Exception {
        return token(node, "admin", ADMIN_PASSWORD);
    }

    private String token(String node, String username, String password) throws Exception {
        return post(node, "/api/v1/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}", 200).get("token").asText();
    }

    private URI uri(String node, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(node) + path);
    }

    /** Leaf 0 and every complete subtree above it, recomputed, under the log's lock. */
    private void rewriteFirstLeaf(String node, byte[] leafHash) {
        var jdbc = jdbc(node);
        new org.springframework.transaction.support.TransactionTemplate(nodes.get(node).getBean(
                org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            long size = jdbc.queryForObject("SELECT size FROM evidence_head WHERE id = 1 FOR UPDATE", Long.class);
            java.util.HexFormat hex = java.util.HexFormat.of();
            jdbc.update("UPDATE evidence_leaf SET leaf_hash = ? WHERE idx = 0", hex.formatHex(leafHash));
            byte[] h = leafHash;
            for (int level = 1; size >> level > 0; level++) {
                String sibling = level == 1
                        ? jdbc.queryForObject("SELECT leaf_hash FROM evidence_leaf WHERE idx = 1", String.class)
                        : jdbc.queryForObject("SELECT hash FROM evidence_node WHERE level = ? AND idx = 1",
                        String.class, level - 1);
                h = cn.hrss.seal.core.merkle.MerkleHashes.node(h, hex.parseHex(sibling));
                jdbc.update("UPDATE evidence_node SET hash = ? WHERE level = ? AND idx = 0", hex.formatHex(h), level);
            }
        });
    }

    private org.springframework.jdbc.core.JdbcTemplate jdbc(String node) {
        return nodes.get(node).getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    }

    private static boolean await(String what, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (condition.call()) {
                return true;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out: " + what);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
