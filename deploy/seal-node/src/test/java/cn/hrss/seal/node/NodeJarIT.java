package cn.hrss.seal.node;

import cn.hrss.seal.application.ofd.OfdSamples;
import cn.hrss.seal.application.testing.IndependentPdfCheck;
import cn.hrss.seal.application.testing.TestDocuments;
import cn.hrss.seal.client.Placement;
import cn.hrss.seal.client.SealClient;
import cn.hrss.seal.client.SignRequest;
import cn.hrss.seal.client.VerificationReport;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.ses.SealView;
import cn.hrss.seal.core.ses.SesVerifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import cn.hrss.seal.core.ses.SesParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the repackaged {@code seal-node.jar} the way an operator does ({@code java -jar ... --seal.data-dir=DIR}) as
 * a separate process, on the embedded defaults, and talks to it over HTTP. Runs in the integration-test phase.
 */
class NodeJarIT {
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]{43})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            stop(p);
        }
    }

    @Test
    void bootstrapAdminFromEnvironmentSurvivesARestart() throws Exception {
        Path dataDir = work.resolve("data");
        Map<String, String> env = Map.of("SEAL_BOOTSTRAP_ADMIN", "operator:Bootstrap9Admin");

        Node first = start(dataDir, env, "first.log");
        assertThat(first.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(first.login("operator", "Bootstrap9Admin").statusCode()).isEqualTo(200);
        assertThat(first.log()).contains("created system administrator 'operator'").doesNotContain("BOOTSTRAP:");
        String masterKey = Files.readString(dataDir.resolve("keys/master.key"));
        String root = first.get("/ca/root.pem").body();
        assertThat(root).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(dataDir.resolve("keys/soft-device.ks")).exists();
        stop(first.process);

        Node second = start(dataDir, env, "second.log");
        assertThat(second.login("operator", "Bootstrap9Admin").statusCode()).isEqualTo(200);
        assertThat(second.log()).doesNotContain("created system administrator")
                .doesNotContain("generated " + dataDir.resolve("keys/master.key"));
        assertThat(Files.readString(dataDir.resolve("keys/master.key"))).isEqualTo(masterKey);
        // the seal root generated at the first start is the one served after the restart: key store and DB reused
        assertThat(second.get("/ca/root.pem").body()).isEqualTo(root);
    }

    @Test
    void withoutBootstrapVariableTheLoggedPasswordWorks() throws Exception {
        Node node = start(work.resolve("data"), Map.of(), "node.log");
        Matcher m = Pattern.compile("username: (\\S+)\\R.*password: (\\S+)").matcher(node.log());
        assertThat(m.find()).as("generated administrator in the log").isTrue();
        assertThat(node.login(m.group(1), m.group(2)).statusCode()).isEqualTo(200);
        assertThat(node.login(m.group(1), "Wrong9Password").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesToStartWithABootstrapPasswordThatBreaksTheRules() throws Exception {
        Path log = work.resolve("weak.log");
        Process p = launch(work.resolve("data"), Map.of("SEAL_BOOTSTRAP_ADMIN", "admin:weak"), log);
        assertThat(p.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("process exits by itself").isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("SEAL_BOOTSTRAP_ADMIN is not acceptable (WEAK_PASSWORD");
    }

    @Test
    void aCityNodeMakesAndPublishesSealsButRegistersNobody() throws Exception {
        Node city = start(work.resolve("city"), Map.of("SEAL_BOOTSTRAP_ADMIN", "admin:Bootstrap9Admin",
                "SEAL_TIER", "CITY", "SEAL_REGIONCODE", "350200"), "city.log");
        String admin = city.token("admin", "Bootstrap9Admin");
        // service management is off on a city: no trust list of its own, no registrations to review
        HttpResponse<String> trustList = city.get("/federation/trust-list");
        assertThat(trustList.statusCode()).as("an unsigned call of a path nobody serves").isEqualTo(400);
        assertThat(trustList.headers().firstValue("Seal-Trust-List-Version")).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(city.uri("/api/v1/registrations"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        // making, status and signing run
        assertThat(city.get("/api/v1/seal-status/revocation-list").statusCode()).isEqualTo(200);
        // operators scrape the evidence log and the outbox
        HttpResponse<String> metrics = city.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("seal_evidence_log_size", "seal_evidence_checkpoint_age_seconds",
                "seal_evidence_witness_alarms", "seal_federation_outbox_pending");
        assertThat(http.send(HttpRequest.newBuilder(city.uri("/api/v1/seal-applications"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("served, for operators and reviewers").isEqualTo(403);

        Path log = work.resolve("city-with-service-mgmt.log");
        Process refused = launch(work.resolve("refused"), Map.of("SEAL_TIER", "CITY", "SEAL_REGIONCODE", "350200",
                "SEAL_SUBSYSTEMS", "making,status,service-mgmt"), log);
        assertThat(refused.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("process exits by itself").isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("[SERVICE_MGMT] cannot run on a CITY node");
    }

    @Test
    void startsOnTheGmT0018DeviceWithEveryKeyInIt() throws Exception {
        // the operator's configuration for a cipher machine, here the test SDF library that seal-core builds
        Path sdfKeyStore = work.resolve("sdf-keystore.txt");
        Map<String, String> env = Map.of(
                "SEAL_BOOTSTRAP_ADMIN", "operator:Bootstrap9Admin",
                "SEAL_DEVICE_TYPE", "sdf",
                "SEAL_DEVICE_SDF_LIBRARY", System.getProperty("sdf.test.library"),
                "SEAL_DEVICE_SDF_GENERATEDKEYINDEXES_FIRST", "10",
                "SEAL_DEVICE_SDF_GENERATEDKEYINDEXES_LAST", "999",
                "SEAL_DEVICE_SDF_GENERATEDKEYPASSWORD", "Sdf9Password",
                "SEAL_DEVICE_SDF_VENDORFUNCTIONS_GENERATEKEYPAIR", "SDFX_GenerateKeyPairAtFreeIndex_ECC",
                "SEAL_DEVICE_SDF_VENDORFUNCTIONS_GENERATEKEK", "SDFX_GenerateKEKAtFreeIndex",
                "SDF_TEST_KEYSTORE", sdfKeyStore.toString());
        Path dataDir = work.resolve("data");

        Node node = start(dataDir, env, "sdf.log");

        assertThat(node.log()).contains("cipher device: GM/T 0018 library");
        assertThat(node.get("/ca/root.pem").body()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(node.login("operator", "Bootstrap9Admin").statusCode()).isEqualTo(200);
        // the root, node, OCSP, TSA and audit keys were generated in the SDF device, nothing in a soft key store
        assertThat(Files.size(sdfKeyStore)).isPositive();
        assertThat(dataDir.resolve("keys/soft-device.ks")).doesNotExist();
    }

    @Test
    void runsTheWholeSealLifecycleAndPublishesItsStatus() throws Exception {
        Node node = start(work.resolve("data"), Map.of("SEAL_BOOTSTRAP_ADMIN", "admin:Bootstrap9Admin"), "life.log");
        String admin = node.token("admin", "Bootstrap9Admin");
        for (String[] u : new String[][] {{"operator1", "Operator9Pass", "SEAL_OPERATOR"},
                {"reviewer1", "Reviewer9Pass", "SEAL_REVIEWER"}}) {
            HttpResponse<String> created = node.post("/api/v1/users", admin, "{\"username\":\"" + u[0]
                    + "\",\"password\":\"" + u[1] + "\",\"displayName\":\"" + u[0] + "\",\"roles\":[\"" + u[2] + "\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        String op = node.token("operator1", "Operator9Pass");
        String rv = node.token("reviewer1", "Reviewer9Pass");

        // bad input changes nothing: an unknown scope is refused with a stable code
        assertThat(node.post("/api/v1/seal-applications", op, "{\"scope\":\"GALACTIC\"}").statusCode())
                .isEqualTo(400);
        String esId = makeSeal(node, op, rv);

        HttpResponse<byte[]> seal = http.send(HttpRequest.newBuilder(node.uri("/api/v1/seals/" + esId + "/ses-seal"))
                .header("Authorization", "Bearer " + op).build(), HttpResponse.BodyHandlers.ofByteArray());
        SealView view = new SesParser().parseSeal(seal.body());
        assertThat(view.esId()).isEqualTo(esId);
        // the maker signature verifies with the maker certificate, and that certificate chains to the node's root
        assertThat(SesVerifier.sealSignature(view).passed()).isTrue();
        X509CertificateHolder maker = new X509CertificateHolder(view.makerCertificate());
        X509CertificateHolder root = new X509CertificateHolder(java.util.Base64.getMimeDecoder().decode(
                node.get("/ca/root.pem").body().replaceAll("-----[A-Z ]+-----", "")));
        assertThat(maker.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER).build(root))).isTrue();
        Instant beforeLoss = Instant.now();
        Thread.sleep(20);

        assertThat(node.post("/api/v1/seals/" + esId + "/loss", op, "{\"reason\":\"印章遗失\"}").statusCode())
                .isEqualTo(200);
        assertThat(field(node.get("/api/v1/seal-status/" + esId).body(), "status")).isEqualTo("SUSPENDED");
        assertThat(node.post("/api/v1/seals/" + esId + "/cancel", op, "{\"reason\":\"注销\"}").statusCode())
                .isEqualTo(200);
        assertThat(field(node.get("/api/v1/seal-status/" + esId).body(), "status")).isEqualTo("REVOKED");
        assertThat(field(node.get("/api/v1/seal-status/" + esId + "?at=" + beforeLoss).body(), "status"))
                .isEqualTo("VALID");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!node.get("/api/v1/seal-status/revocation-list").body().contains(esId)) {
            assertThat(Instant.now()).as("revocation list republished with the seal").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void signsThroughReviewAndTheBusinessApiAndVerifiesOnThePortal() throws Exception {
        Node node = start(work.resolve("data"), Map.of("SEAL_BOOTSTRAP_ADMIN", "admin:Bootstrap9Admin"), "sign.log");
        String admin = node.token("admin", "Bootstrap9Admin");
        for (String[] u : new String[][] {{"operator1", "SEAL_OPERATOR"}, {"reviewer1", "SEAL_REVIEWER"},
                {"business1", "BUSINESS_ADMIN"}}) {
            assertThat(node.post("/api/v1/users", admin, "{\"username\":\"" + u[0] + "\",\"password\":\"" + u[0]
                    + "Pass9\",\"displayName\":\"" + u[0] + "\",\"roles\":[\"" + u[1] + "\"]}").statusCode())
                    .isEqualTo(201);
        }
        String esId = makeSeal(node, node.token("operator1", "operator1Pass9"), node.token("reviewer1",
                "reviewer1Pass9"));
        String base = node.uri("").toString();
        // two pages, so that a riding seal (across all pages) fits
        byte[] pdf = TestDocuments.pdf("Benefit notice", "Benefit notice, page 1", "Benefit notice, page 2");
        byte[] ofd = OfdSamples.document(List.of(List.of("劳动合同", "甲方（盖章）")));

        // reviewed use: filed by the operator, approved by the reviewer, signed by the operator
        SealClient operator = SealClient.builder().baseUrl(base).build();
        operator.loginUser("operator1", "operator1Pass9");
        SealClient reviewer = SealClient.builder().baseUrl(base).build();
        reviewer.loginUser("reviewer1", "reviewer1Pass9");
        SignRequest request = operator.createSignRequest(esId, "养老保险待遇核定", List.of(
                SignRequest.Document.pdf("notice.pdf", pdf, Placement.at(1, 150, 230)),
                SignRequest.Document.ofd("contract.ofd", ofd, Placement.keyword("甲方"))));
        reviewer.approveSignRequest(request.id(), "同意用印");
        assertThat(operator.signSignRequest(request.id()).status()).isEqualTo("SIGNED");
        byte[] reviewedPdf = operator.signedDocument(request.id(), 0);
        byte[] reviewedOfd = operator.signedDocument(request.id(), 1);

        // the business API under a standing authorisation
        String business = node.token("business1", "business1Pass9");
        HttpResponse<String> client = node.post("/api/v1/api-clients", business, "{\"name\":\"社保核心系统\"}");
        assertThat(client.statusCode()).as(client.body()).isIn(200, 201);
        SealClient businessAdmin = SealClient.builder().baseUrl(base).build();
        businessAdmin.loginUser("business1", "business1Pass9");
        businessAdmin.grantAuthorisation(field(client.body(), "clientId"), esId, List.of("待遇发放"),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(7), 100);
        SealClient system = SealClient.builder().baseUrl(base).build();
        system.loginClient(field(client.body(), "clientId"), field(client.body(), "clientSecret"));
        byte[] apiPdf = system.signPdf(esId, "待遇发放", pdf, Placement.riding());
        byte[] apiOfd = system.signOfd(esId, "待遇发放", ofd, Placement.at(1, 100, 100));

        SealClient citizen = SealClient.builder().baseUrl(base).build();
        for (byte[] signed : List.of(reviewedPdf, reviewedOfd, apiPdf, apiOfd)) {
            VerificationReport report = citizen.verify(signed);
            assertThat(report.verdict()).as(report.toString()).isEqualTo("PASSED");
            assertThat(report.signatures()).extracting(VerificationReport.Signature::esId).containsOnly(esId);
        }
        assertThat(IndependentPdfCheck.signaturesVerify(reviewedPdf)).isEqualTo(1);
        // every signing is one leaf of the evidence log: the reviewed request and the two API calls, no more
        assertThat(node.get("/api/v1/evidence/proof/consistency?first=1&second=3").statusCode()).isEqualTo(200);
        assertThat(node.get("/api/v1/evidence/proof/consistency?first=1&second=4").statusCode()).isEqualTo(400);
        assertThat(IndependentPdfCheck.signaturesVerify(apiPdf)).isPositive();

        // the public portal: zh-CN report for the signed PDF, FAILED for a copy with one byte changed
        assertThat(portal(node, reviewedPdf)).contains("通过", "业务专用章", esId);
        byte[] tampered = reviewedPdf.clone();
        // a byte of the binary comment after the header: still a readable PDF, no longer the signed bytes
        tampered[new String(tampered, StandardCharsets.ISO_8859_1).indexOf("\n%") + 2] ^= 0x01;
        assertThat(citizen.verify(tampered).verdict()).isEqualTo("FAILED");
        assertThat(portal(node, tampered)).contains("未通过");
    }

    /** Uploads to {@code POST /verify} as a browser does (form token from the page and its cookie). */
    private String portal(Node node, byte[] document) throws Exception {
        HttpResponse<String> form = node.get("/verify");
        Matcher cookie = Pattern.compile("portal_csrf=([^;]+)").matcher(
                form.headers().firstValue("Set-Cookie").orElse(""));
        Matcher field = Pattern.compile("name=\"csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"csrf\"")
                .matcher(form.body());
        assertThat(cookie.find()).as("portal cookie").isTrue();
        assertThat(field.find()).as("portal form token in " + form.body()).isTrue();
        String token = field.group(1) != null ? field.group(1) : field.group(2);
        String boundary = "portal" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(document);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(node.uri("/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "portal_csrf=" + cookie.group(1)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        return report.body();
    }

    /** Applies for, approves and makes an industry seal through the node's API; returns its esID. */
    private static String makeSeal(Node node, String operatorToken, String reviewerToken) throws Exception {
        HttpResponse<String> applied = node.post("/api/v1/seal-applications", operatorToken, """
                {"unitCreditCode":"9135052155323005XL","unitRegionCode":"350521","unitType":"PUBLIC_INSTITUTION",
                 "unitName":"泉州市社会保险中心","unitAddress":"泉州市丰泽区","agentName":"张三",
                 "agentIdNumber":"11010519491231002X","agentPhone":"13800138000",
                 "approverUnitName":"泉州市人力资源和社会保障局","approverRegionCode":"350500",
                 "sealName":"业务专用章","sealType":"99","scope":"INDUSTRY","validityDays":365}""");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        String id = field(applied.body(), "id");
        assertThat(node.post("/api/v1/seal-applications/" + id + "/approve", reviewerToken,
                "{\"opinion\":\"同意\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> made = node.post("/api/v1/seal-applications/" + id + "/make", operatorToken, "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(field(made.body(), "status")).isEqualTo("VALID");
        return field(made.body(), "esId");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    record Node(Process process, int port, Path logFile, HttpClient http) {
        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                assertThat(TOKEN.matcher(r.body()).find()).isTrue();
            }
            return r;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String token(String username, String password) throws IOException, InterruptedException {
            Matcher m = TOKEN.matcher(login(username, password).body());
            assertThat(m.find()).isTrue();
            return m.group(1);
        }

        HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }
    }

    private Process launch(Path dataDir, Map<String, String> env, Path log) throws IOException {
        return launch(dataDir, env, log, freePort());
    }

    private Process launch(Path dataDir, Map<String, String> env, Path log, int port) throws IOException {
        String jar = System.getProperty("seal.node.jar", "target/seal-node.jar");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and serial GC: a quicker start on a small CI machine; the jar and its arguments are as shipped
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar, "--server.port=" + port, "--seal.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the operator's environment is the test's own, minus any seal secrets that would change the scenario
        pb.environment().keySet().removeIf(k -> k.startsWith("SEAL_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private Node start(Path dataDir, Map<String, String> env, String logName) throws Exception {
        int port = freePort();
        Path log = work.resolve(logName);
        Process p = launch(dataDir, env, log, port);
        Node node = new Node(p, port, log, http);
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new AssertionError("node exited with " + p.exitValue() + ":\n" + node.log());
            }
            try {
                if (node.get("/actuator/health").statusCode() == 200) {
                    return node;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node not healthy within " + STARTUP + ":\n" + node.log());
    }

    private static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy(); // SIGTERM: graceful shutdown, as an operator's service manager would
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
