package cn.hrss.seal.demo;

import cn.hrss.seal.client.Placement;
import cn.hrss.seal.client.SealClient;
import cn.hrss.seal.client.VerificationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The issue-6 scenario, step by step, against real processes on loopback: every component is started from its jar
 * with the arguments an operator would give, and driven only through its public HTTP interfaces.
 */
final class FederationDemo implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Demo9Admin";
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration PROPAGATION = Duration.ofSeconds(90);

    /**
     * @param nodeArguments extra command-line arguments per node name (e.g. a PostgreSQL database for the benchmark)
     */
    record Settings(Path work, Topology topology, int basePort, Path nodeJar, Path simJar, Path cliJar,
                    Map<String, List<String>> nodeArguments) {
        Settings(Path work, Topology topology, int basePort, Path nodeJar, Path simJar, Path cliJar) {
            this(work, topology, basePort, nodeJar, simJar, cliJar, Map.of());
        }
    }

    /** The local EVM chain, when the build installed ganache (evidence-anchor-evm's npm packages). */
    private cn.hrss.seal.testsupport.LocalEvmChain chain;

    /** What the scenario established, for the end-to-end test to check beyond "no step failed". */
    record Outcome(String esId, String verdictBeforeRevocation, String verdictAfterRevocation,
                   String nationalCode, List<String> steps) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LaunchedProcess> running = new LinkedHashMap<>();
    private final Map<String, NodeApi> admins = new LinkedHashMap<>();
    private final List<String> steps = new ArrayList<>();
    private final Map<String, List<String>> arguments = new LinkedHashMap<>();
    private int step;

    FederationDemo(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    Outcome run() throws Exception {
        setUp();
        return scenario();
    }

    /** Steps 1 to 9: every component started, every lower node registered, trust anchors in place. */
    void setUp() throws Exception {
        Topology topology = settings.topology();
        if (cn.hrss.seal.testsupport.LocalEvmChain.findGanache().isPresent()) {
            step("start a local EVM chain (ganache, gas-free, chain id 1337) for anchoring the evidence logs",
                    this::startChain);
        }
        step("start the national-platform simulator on port " + settings.basePort(), this::startSimulator);
        for (Topology.Member member : topology.members()) {
            step("start " + member.displayName() + " (" + member.tier() + ", region " + member.regionCode()
                    + ", port " + member.port() + ")", () -> startNode(member));
        }
        for (Topology.Member member : topology.members()) {
            if (member.parent().isPresent()) {
                Topology.Member parent = topology.member(member.parent().get());
                step("register " + member.displayName() + " with " + parent.displayName()
                        + ": access test, application, review, system certificate", () -> register(member, parent));
            }
        }
        step("give every node the other nodes' seal roots as trust anchors", this::distributeTrustAnchors);
    }

    private Outcome scenario() throws Exception {
        Topology topology = settings.topology();
        Topology.Member city = topology.member(Topology.XIAMEN);
        String[] seal = new String[3];
        step("make a cross-industry seal at " + city.displayName()
                + "; its unique code comes from the national platform through Fujian and the ministry", () -> {
            String[] made = makeCrossIndustrySeal(city);
            System.arraycopy(made, 0, seal, 0, 3);
            return "esID " + made[0] + ", public-security key received (enveloped to Xiamen's key), registration "
                    + made[2];
        });
        String esId = seal[0];
        byte[][] signed = new byte[1][];
        step("sign a PDF at " + city.displayName() + " through the business API", () -> {
            signed[0] = signPdf(city, esId);
            return signed[0].length + " bytes, signed PDF";
        });
        if (chain != null) {
            step("the signing's evidence: " + city.displayName() + "'s receipt, cosigned by its province and anchored"
                    + " on the chain, checked by the command-line client against the chain", () ->
                    checkEvidence(city, signed[0]));
        }
        Topology.Member otherProvince = topology.member(Topology.GUANGDONG);
        String[] before = new String[1];
        step("verify the PDF on " + otherProvince.displayName() + "'s portal (status asked through the ministry)",
                () -> {
                    before[0] = verify(otherProvince, signed[0]);
                    requireVerdict(before[0], "PASSED");
                    String page = portal(otherProvince, signed[0]);
                    if (!page.contains("通过") || page.contains("未通过")) {
                        throw new DemoFailure("the portal does not show 通过 for the signed PDF");
                    }
                    return "verdict " + before[0] + ", portal shows 通过";
                });
        // revocation times in CRLs and OCSP answers have one-second resolution: keep the certificate's revocation
        // clearly after the signature, so that what turns the verdict is the seal status travelling the federation
        Thread.sleep(1500);
        step("revoke the seal at " + city.displayName() + ", void from its issue (obtained with forged papers)",
                () -> revoke(city, esId, seal[1]));
        String[] after = new String[1];
        step("verify the same PDF on " + otherProvince.displayName() + " again until the revocation arrives",
                () -> {
                    after[0] = awaitVerdict(otherProvince, signed[0], "FAILED", "SEAL_REVOKED");
                    String page = portal(otherProvince, signed[0]);
                    if (!page.contains("未通过")) {
                        throw new DemoFailure("the portal does not show 未通过 after the revocation");
                    }
                    return "verdict " + after[0] + ", portal shows 未通过";
                });
        String code = nationalRecord(esId);
        return new Outcome(esId, before[0], after[0], code, List.copyOf(steps));
    }

    private String startChain() throws Exception {
        Path dir = Files.createDirectories(settings.work().resolve("chain"));
        chain = cn.hrss.seal.testsupport.LocalEvmChain.start(dir.resolve("ganache.log"));
        return "up at " + chain.rpcUrl() + ", chain id " + cn.hrss.seal.testsupport.LocalEvmChain.CHAIN_ID + ", log "
                + dir.resolve("ganache.log");
    }

    /**
     * Waits until the city's receipt for the signed PDF carries its province's cosignature and the anchor, then runs
     * {@code seal-cli verify --receipt R --chain-rpc URL --chain-registry ADDRESS} with the city's and province's
     * roots: every evidence check must pass against the chain itself.
     */
    private String checkEvidence(Topology.Member city, byte[] signed) throws Exception {
        String sm3 = java.util.HexFormat.of().formatHex(cn.hrss.seal.core.crypto.Sm3.hash(signed));
        NodeApi anyone = new NodeApi(http, loopback(city.port(), ""));
        JsonNode receipt = awaitAnchoredReceipt(anyone, sm3, true, PROPAGATION);
        Path dir = settings.work().resolve(city.name());
        Path receiptFile = Files.writeString(dir.resolve("signed.receipt.json"), receipt.toPrettyString());
        Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
        Topology.Member province = settings.topology().member(city.parent().orElseThrow());
        Path cityRoot = Files.writeString(dir.resolve("root-city.pem"), admin(city).getText("/ca/root.pem"));
        Path provinceRoot = Files.writeString(dir.resolve("root-province.pem"), admin(province).getText("/ca/root.pem"));
        String registry = admin(city).get("/api/v1/evidence-operations").path("anchoring").path("latest")
                .path("contractAddress").asText();
        Path log = dir.resolve("seal-cli-verify-receipt.log");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                settings.cliJar().toString(), "verify", "--trust", cityRoot.toString(), "--trust",
                provinceRoot.toString(), "--receipt", receiptFile.toString(), "--chain-rpc",
                chain.rpcUrl().toString(), "--chain-id", "1337", "--chain-registry", registry,
                pdf.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!cli.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
            cli.destroyForcibly();
            throw new DemoFailure("seal-cli verify did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        for (String check : List.of("EVIDENCE_INCLUSION", "EVIDENCE_CHECKPOINT", "EVIDENCE_WITNESS",
                "EVIDENCE_ANCHOR")) {
            if (!java.util.regex.Pattern.compile("PASSED\\s+" + check + "\\s").matcher(output).find()) {
                throw new DemoFailure("seal-cli verify --receipt: " + check + " did not pass:\n" + output);
            }
        }
        return "leaf " + receipt.path("leafIndex").asLong() + " of " + city.name() + "'s log, checkpoint "
                + receipt.path("treeSize").asLong() + " cosigned by " + province.name() + ", anchored in "
                + receipt.path("anchor").path("transactionHash").asText() + "; seal-cli confirmed it on the chain"
                + " (receipt " + receiptFile + ")";
    }

    private String startSimulator() throws Exception {
        Path dir = Files.createDirectories(settings.work().resolve("national-platform"));
        Path trusted = Files.createDirectories(dir.resolve("trusted"));
        int ministry = settings.topology().member(Topology.MINISTRY).port();
        LaunchedProcess sim = LaunchedProcess.start("national-platform-sim", settings.simJar(), List.of(
                        "--server.port=" + settings.basePort(), "--sim.data-dir=" + dir.resolve("data"),
                        "--sim.trusted-certificates=" + trusted,
                        "--seal.federation.destinations.ministry=http://127.0.0.1:" + ministry,
                        "--seal.federation.outbox.poll-interval=500ms", "--seal.federation.outbox.initial-backoff=1s",
                        "--seal.federation.outbox.max-backoff=5s"),
                Map.of(), dir.resolve("sim.log"));
        running.put("national", sim);
        sim.awaitHealthy(http, loopback(settings.basePort(), "/actuator/health"), STARTUP);
        Files.writeString(dir.resolve("national.pem"), new NodeApi(http, loopback(settings.basePort(), ""))
                .getText("/national/cert.pem"));
        return "up, its certificate in " + dir.resolve("national.pem") + ", log " + sim.log();
    }

    private String startNode(Topology.Member member) throws Exception {
        Path dir = Files.createDirectories(settings.work().resolve(member.name()));
        Path trusted = Files.createDirectories(dir.resolve("trusted-roots"));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + member.port(),
                "--seal.data-dir=" + dir.resolve("data"),
                "--seal.tier=" + member.tier(),
                "--seal.region-code=" + member.regionCode(),
                "--seal.service-mgmt.base-url=http://127.0.0.1:" + member.port(),
                "--seal.application.verification.trusted-roots=" + trusted,
                // a demo wants to see messages flow within seconds; production keeps the defaults
                "--seal.federation.outbox.poll-interval=500ms",
                "--seal.federation.outbox.initial-backoff=1s",
                "--seal.federation.outbox.max-backoff=5s",
                "--seal.status.federation.cache-ttl=PT2S",
                "--seal.evidence.checkpoint-interval=PT2S"));
        if (chain != null) {
            // each node deploys its own registry on first use here; a real federation shares the ministry's
            args.addAll(List.of("--seal.evidence.anchor.evm.rpc-url=" + chain.rpcUrl(),
                    "--seal.evidence.anchor.evm.chain-id=1337", "--seal.evidence.anchor.interval=PT3S"));
        }
        if (member.parent().isPresent()) {
            Topology.Member parent = settings.topology().member(member.parent().get());
            Path pinned = dir.resolve("parent-root.pem");
            Files.writeString(pinned, admin(parent).getText("/ca/root.pem"));
            args.addAll(List.of(
                    "--seal.service-mgmt.parent.base-url=http://127.0.0.1:" + parent.port(),
                    "--seal.service-mgmt.parent.pinned-certificate=" + pinned,
                    "--seal.service-mgmt.parent.pull-interval=PT2S"));
        } else {
            // the ministry talks to the national platform, and trusts its certificate (it registers with nobody)
            args.add("--seal.federation.destinations.national=http://127.0.0.1:" + settings.basePort());
            args.add("--seal.service-mgmt.trusted-peers="
                    + settings.work().resolve("national-platform").resolve("national.pem"));
        }
        args.addAll(settings.nodeArguments().getOrDefault(member.name(), List.of()));
        arguments.put(member.name(), List.copyOf(args));
        LaunchedProcess node = LaunchedProcess.start(member.name(), settings.nodeJar(), args,
                Map.of("SEAL_BOOTSTRAP_ADMIN", ADMIN + ":" + ADMIN_PASSWORD), dir.resolve("node.log"));
        running.put(member.name(), node);
        node.awaitHealthy(http, loopback(member.port(), "/actuator/health"), STARTUP);
        admins.put(member.name(), new NodeApi(http, loopback(member.port(), "")).as(ADMIN, ADMIN_PASSWORD));
        if (member.parent().isEmpty()) {
            // ... and the platform trusts the ministry's system certificate from now on
            Files.writeString(settings.work().resolve("national-platform").resolve("trusted").resolve("ministry.pem"),
                    admin(member).getText("/ca/node.pem"));
        }
        return "healthy, log " + node.log();
    }

    private String register(Topology.Member lower, Topology.Member upper) throws Exception {
        NodeApi lowerAdmin = admin(lower);
        NodeApi upperAdmin = admin(upper);
        // the city's access test is run the way an operator at the province would: with seal-cli
        boolean byCli = Topology.XIAMEN.equals(lower.name());
        JsonNode report = byCli ? accessTestByCli(upper, lower) : accessTestByApi(upperAdmin, lowerAdmin, lower);
        ObjectNode application = NodeApi.object().put("systemName", lower.displayName() + "电子印章系统")
                .put("organisation", lower.displayName());
        application.putArray("kinds").add("MAKING").add("STATUS");
        application.set("accessTestReport", report);
        String id = lowerAdmin.post("/api/v1/parent-registration", application).get("registrationId").asText();
        ObjectNode review = NodeApi.object().put("decision", "APPROVE").put("opinion", "接入测试通过，同意注册");
        upperAdmin.post("/api/v1/registrations/" + id + "/review", review, java.util.Set.of(200));
        JsonNode refreshed = lowerAdmin.post("/api/v1/parent-registration/refresh", null, java.util.Set.of(200));
        if (!"APPROVED".equals(refreshed.path("status").asText())) {
            throw new DemoFailure("registration " + id + " is " + refreshed);
        }
        return "access test PASSED" + (byCli ? " (run with seal-cli)" : "") + ", registration " + id
                + " APPROVED, certificate issued by " + upper.name() + "'s seal root";
    }

    private static JsonNode accessTestByApi(NodeApi upperAdmin, NodeApi lowerAdmin, Topology.Member lower) {
        JsonNode test = upperAdmin.post("/api/v1/access-tests", NodeApi.object().put("targetBaseUrl",
                lowerAdmin.base().toString()), java.util.Set.of(201));
        if (!"PASSED".equals(test.path("verdict").asText())) {
            throw new DemoFailure("access test of " + lower.name() + " did not pass: " + test.path("cases"));
        }
        return test.get("report");
    }

    /** {@code java -jar seal-cli.jar access-test --node UPPER --user admin --target LOWER --report FILE}. */
    private JsonNode accessTestByCli(Topology.Member upper, Topology.Member lower) throws Exception {
        Path dir = settings.work().resolve(lower.name());
        Path report = dir.resolve("access-test-report.json");
        Path log = dir.resolve("seal-cli-access-test.log");
        ProcessBuilder cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", settings.cliJar().toString(), "access-test", "--node", "http://127.0.0.1:" + upper.port(),
                "--user", ADMIN, "--target", "http://127.0.0.1:" + lower.port(), "--report", report.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        cli.environment().put("SEAL_NODE_PASSWORD", ADMIN_PASSWORD);
        Process process = cli.start();
        if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new DemoFailure("seal-cli access-test failed: " + Files.readString(log));
        }
        return NodeApi.parse(Files.readString(report));
    }

    private String distributeTrustAnchors() throws IOException {
        Map<String, String> roots = new LinkedHashMap<>();
        for (Topology.Member member : settings.topology().members()) {
            roots.put(member.name(), admin(member).getText("/ca/root.pem"));
        }
        for (Topology.Member member : settings.topology().members()) {
            Path dir = settings.work().resolve(member.name()).resolve("trusted-roots");
            for (Map.Entry<String, String> root : roots.entrySet()) {
                if (!root.getKey().equals(member.name())) {
                    Files.writeString(dir.resolve(root.getKey() + ".pem"), root.getValue());
                }
            }
        }
        return roots.size() + " roots, each in the other nodes' trusted-roots directory";
    }

    /** Returns esID and the seal's making time. */
    private String[] makeCrossIndustrySeal(Topology.Member city) throws Exception {
        NodeApi admin = admin(city);
        createUser(admin, "operator1", "SEAL_OPERATOR");
        createUser(admin, "reviewer1", "SEAL_REVIEWER");
        NodeApi operator = new NodeApi(http, admin.base()).as("operator1", "operator1Pass9");
        NodeApi reviewer = new NodeApi(http, admin.base()).as("reviewer1", "reviewer1Pass9");
        JsonNode applied = operator.post("/api/v1/seal-applications", NodeApi.parse("""
                {"unitCreditCode":"12350203123456788E","unitRegionCode":"350203","unitType":"PUBLIC_INSTITUTION",
                 "unitName":"厦门市社会保险中心","unitAddress":"厦门市思明区","agentName":"张三",
                 "agentIdNumber":"11010519491231002X","agentPhone":"13800138000",
                 "approverUnitName":"厦门市人力资源和社会保障局","approverRegionCode":"350200",
                 "sealName":"社会保险业务专用章","sealType":"05","scope":"CROSS_INDUSTRY","validityDays":365}"""));
        String applicationId = applied.get("id").asText();
        reviewer.post("/api/v1/seal-applications/" + applicationId + "/approve",
                NodeApi.object().put("opinion", "同意"), java.util.Set.of(200));
        JsonNode made = operator.post("/api/v1/seal-applications/" + applicationId + "/make", null,
                java.util.Set.of(200));
        if (!"AWAITING_NATIONAL_CODE".equals(made.path("status").asText())) {
            throw new DemoFailure("a cross-industry seal must wait for its national code, got " + made);
        }
        String sealId = made.get("sealId").asText();
        JsonNode seal = await(PROPAGATION, "the national code for seal " + sealId, () -> {
            JsonNode request = operator.get("/api/v1/national-code-requests/" + sealId);
            String esId = request.path("esId").asText("");
            return esId.isEmpty() || "null".equals(esId) ? null : operator.get("/api/v1/seals/" + esId);
        });
        if (!"VALID".equals(seal.path("status").asText())) {
            throw new DemoFailure("the seal is not VALID after its national code: " + seal);
        }
        JsonNode request = operator.get("/api/v1/national-code-requests/" + sealId);
        if (!request.path("publicSecurityKeyReceived").asBoolean()) {
            throw new DemoFailure("no public-security key came with the code: " + request);
        }
        return new String[] {seal.get("esId").asText(), seal.path("validFrom").asText(),
                request.path("publicSecuritySealInfo").asText()};
    }

    private byte[] signPdf(Topology.Member city, String esId) throws Exception {
        NodeApi admin = admin(city);
        createUser(admin, "business1", "BUSINESS_ADMIN");
        NodeApi business = new NodeApi(http, admin.base()).as("business1", "business1Pass9");
        JsonNode client = business.post("/api/v1/api-clients", NodeApi.object().put("name", "社保核心系统"));
        SealClient businessAdmin = SealClient.builder().baseUrl(admin.base().toString()).build();
        businessAdmin.loginUser("business1", "business1Pass9");
        businessAdmin.grantAuthorisation(client.get("clientId").asText(), esId, List.of("待遇发放"),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(7), 100);
        SealClient system = SealClient.builder().baseUrl(admin.base().toString()).build();
        system.loginClient(client.get("clientId").asText(), client.get("clientSecret").asText());
        return system.signPdf(esId, "待遇发放", notice(), Placement.at(1, 120, 200));
    }

    private String verify(Topology.Member member, byte[] document) {
        SealClient citizen = SealClient.builder().baseUrl(admin(member).base().toString()).build();
        VerificationReport report = citizen.verify(document);
        return report.verdict() + codes(report);
    }

    private String awaitVerdict(Topology.Member member, byte[] document, String wanted, String code)
            throws Exception {
        return await(PROPAGATION, "verdict " + wanted + " (" + code + ") on " + member.name(), () -> {
            String verdict = verify(member, document);
            return verdict.startsWith(wanted) && verdict.contains(code) ? verdict : null;
        });
    }

    private String revoke(Topology.Member city, String esId, String validFrom) {
        NodeApi operator = new NodeApi(http, admin(city).base()).as("operator1", "operator1Pass9");
        ObjectNode body = NodeApi.object().put("reason", "以伪造材料申领，自制发之日起作废")
                .put("effectiveFrom", OffsetDateTime.parse(validFrom).toInstant().plusMillis(1).toString());
        JsonNode answer = operator.post("/api/v1/seals/" + esId + "/cancel", body, java.util.Set.of(200));
        return "status " + answer.path("status").asText() + " effective from " + body.get("effectiveFrom").asText();
    }

    /** What the national platform holds for the seal: its code and status as synchronised through the ministry. */
    private String nationalRecord(String esId) {
        JsonNode record = new NodeApi(http, loopback(settings.basePort(), "")).get("/national/seals/" + esId);
        return record.toString();
    }

    private String portal(Topology.Member member, byte[] document) throws Exception {
        URI base = admin(member).base();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/verify")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher cookie = Pattern.compile("portal_csrf=([^;]+)").matcher(
                form.headers().firstValue("Set-Cookie").orElse(""));
        Matcher field = Pattern.compile("name=\"csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"csrf\"")
                .matcher(form.body());
        if (!cookie.find() || !field.find()) {
            throw new DemoFailure("the portal form has no token");
        }
        String token = field.group(1) != null ? field.group(1) : field.group(2);
        String boundary = "demo" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notice.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(document);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/verify"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", "portal_csrf=" + cookie.group(1)).timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new DemoFailure("portal answered " + page.statusCode() + ": " + page.body());
        }
        return page.body();
    }

    static void createUser(NodeApi admin, String username, String role) {
        ObjectNode user = NodeApi.object().put("username", username).put("password", username + "Pass9")
                .put("displayName", username);
        user.putArray("roles").add(role);
        admin.post("/api/v1/users", user, java.util.Set.of(201));
    }

    static byte[] notice() throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 700);
                text.showText("Xiamen social insurance centre: benefit payment notice");
                text.endText();
            }
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static String codes(VerificationReport report) {
        List<String> notPassed = new ArrayList<>();
        for (VerificationReport.Signature signature : report.signatures()) {
            for (VerificationReport.Check check : signature.checks()) {
                if (!"PASSED".equals(check.verdict())) {
                    notPassed.add(check.check() + "=" + check.code());
                }
            }
        }
        return notPassed.isEmpty() ? "" : " " + notPassed;
    }

    private static void requireVerdict(String verdict, String wanted) {
        if (!verdict.startsWith(wanted)) {
            throw new DemoFailure("expected " + wanted + ", got " + verdict);
        }
    }

    /** A node's evidence receipt for a document once anchored (and, when asked, cosigned by the parent). */
    static JsonNode awaitAnchoredReceipt(NodeApi node, String documentSm3, boolean cosigned, Duration timeout)
            throws Exception {
        return await(timeout, "an anchored" + (cosigned ? " and cosigned" : "") + " receipt for " + documentSm3, () -> {
            try {
                JsonNode r = node.get("/api/v1/evidence/receipts?documentSm3=" + documentSm3);
                return r.has("anchor") && (!cosigned || !r.path("cosignatures").isEmpty()) ? r : null;
            } catch (DemoFailure notYet) {
                return null;
            }
        });
    }

    private static <T> T await(Duration timeout, String what, Callable<T> poll) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = poll.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(500);
        }
        throw new DemoFailure("timed out after " + timeout + " waiting for " + what);
    }

    /** The administrator's API of a running node. */
    NodeApi adminOf(String name) {
        return admin(settings.topology().member(name));
    }

    /** The local chain's JSON-RPC address, when one runs. */
    java.util.Optional<URI> chainRpc() {
        return java.util.Optional.ofNullable(chain).map(cn.hrss.seal.testsupport.LocalEvmChain::rpcUrl);
    }

    private NodeApi admin(Topology.Member member) {
        NodeApi api = admins.get(member.name());
        if (api == null) {
            throw new DemoFailure(member.name() + " is not running");
        }
        return api;
    }

    private static URI loopback(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void step(String title, Callable<String> action) throws Exception {
        step++;
        out.printf("==> [%d] %s%n", step, title);
        long start = System.nanoTime();
        String result = action.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("    ok: %s (%.1f s)%n", result, seconds);
        steps.add(step + ". " + title + ": " + result);
    }

    /** Stops a node as its service manager would (SIGTERM); its data stays. */
    void stop(String name) {
        LaunchedProcess process = running.remove(name);
        if (process != null) {
            process.close();
        }
    }

    /** Starts a stopped node again with the same arguments, data directory and database. */
    void restart(String name) throws Exception {
        Topology.Member member = settings.topology().member(name);
        Path dir = settings.work().resolve(name);
        LaunchedProcess node = LaunchedProcess.start(name, settings.nodeJar(), arguments.get(name),
                Map.of("SEAL_BOOTSTRAP_ADMIN", ADMIN + ":" + ADMIN_PASSWORD), dir.resolve("node-restarted.log"));
        running.put(name, node);
        node.awaitHealthy(http, loopback(member.port(), "/actuator/health"), STARTUP);
    }

    NodeApi admin(String name) {
        return admin(settings.topology().member(name));
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        List<LaunchedProcess> reverse = new ArrayList<>(running.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(LaunchedProcess::close);
        running.clear();
        if (chain != null) {
            chain.close();
        }
    }
}
