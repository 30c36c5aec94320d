package cn.hrss.seal.demo;

import cn.hrss.seal.anchor.evm.EvmEvidenceAnchor;
import cn.hrss.seal.testsupport.TestIdentifiers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Seed 000's service levels measured on the demo federation from the jars (every node on its own PostgreSQL database,
 * a local ganache chain): institution registration, contract signing, contract query, time to the chain, chain query
 * and SM3 throughput, each against its target. Three institutions at Xiamen sign {@code --contracts} SEQUENTIAL PDF
 * contracts through the reviewed flow.
 */
public final class ServiceLevelsBenchmark {
    private final FederationDemo demo;
    private final PrintStream out;
    private final Map<String, List<Long>> millis = new LinkedHashMap<>();

    private ServiceLevelsBenchmark(FederationDemo demo, PrintStream out) {
        this.demo = demo;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int contracts = 20;
        int basePort = 19600;
        Path work = null;
        Path nodeJar = Path.of("deploy/seal-node/target/seal-node.jar");
        Path simJar = Path.of("deploy/national-platform-sim/target/national-platform-sim.jar");
        Path cliJar = Path.of("seal-cli/target/seal-cli.jar");
        String pg = "jdbc:postgresql://127.0.0.1:5432/";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--contracts" -> contracts = Integer.parseInt(args[++i]);
                case "--base-port" -> basePort = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--pg" -> pg = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        work = work == null ? Files.createTempDirectory("seal-service-levels") : work;
        Topology topology = Topology.onLoopback(basePort);
        BenchDatabases databases = new BenchDatabases(pg, topology, "levels");
        FederationDemo demo = new FederationDemo(new FederationDemo.Settings(work, topology, basePort, nodeJar, simJar,
                cliJar, databases.nodeArguments()), System.out);
        String report;
        try {
            demo.setUp();
            report = new ServiceLevelsBenchmark(demo, System.out).measure(contracts);
        } finally {
            demo.close();
            databases.close();
        }
        Files.writeString(work.resolve("service-levels.md"), report, StandardCharsets.UTF_8);
        System.out.println("\n" + report + "\n(also in " + work.resolve("service-levels.md") + ")");
    }

    private String measure(int contracts) throws Exception {
        NodeApi admin = demo.adminOf(Topology.XIAMEN);
        String run = UUID.randomUUID().toString().substring(0, 6);
        FederationDemo.createUser(admin, "biz" + run, "BUSINESS_ADMIN");
        NodeApi business = login(admin, "biz" + run);

        // three institutions, each with its seal, a seal operator and a seal reviewer
        List<Party> parties = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            int i = n;
            String op = "op" + i + run;
            String rv = "rv" + i + run;
            FederationDemo.createUser(admin, op, "SEAL_OPERATOR");
            FederationDemo.createUser(admin, rv, "SEAL_REVIEWER");
            NodeApi operator = login(admin, op);
            NodeApi reviewer = login(admin, rv);
            String creditCode = TestIdentifiers.creditCode("350203");
            String esId = makeSeal(operator, reviewer, creditCode, i);
            String institution = timed("register", () -> business.post("/api/v1/contract-institutions",
                    NodeApi.object().put("name", "机构" + i + run).put("creditCode", creditCode)
                            .put("contactEmail", "contact" + i + "@example.cn"), Set.of(201))).get("id").asText();
            for (String member : List.of(op, rv)) {
                business.post("/api/v1/contract-institutions/" + institution + "/members",
                        NodeApi.object().put("username", member), Set.of(204));
            }
            parties.add(new Party(institution, esId, operator, reviewer));
        }
        // more registrations, so that the figure is not three samples
        for (int i = 0; i < 27; i++) {
            String code = TestIdentifiers.creditCode("350203");
            String name = "登记" + i + run;
            timed("register", () -> business.post("/api/v1/contract-institutions", NodeApi.object()
                    .put("name", name).put("creditCode", code).put("contactEmail", "r" + name.hashCode()
                            + "@example.cn"), Set.of(201)));
        }

        byte[] pdf = FederationDemo.notice();
        Map<String, Instant> signedAt = new LinkedHashMap<>();
        for (int c = 0; c < contracts; c++) {
            ObjectNode contract = NodeApi.object().put("title", "劳动合同 " + c).put("signingOrder", "SEQUENTIAL")
                    .put("contentBase64", Base64.getEncoder().encodeToString(pdf))
                    .put("deadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString());
            for (Party p : parties) {
                contract.withArray("parties").addObject().put("institutionId", p.institution()).put("esId", p.esId())
                        .put("notifyEmail", "notify@example.cn");
            }
            String id = parties.get(0).operator().post("/api/v1/contracts", contract, Set.of(201)).get("id").asText();
            for (Party p : parties) {
                Instant start = Instant.now();
                String request = p.operator().post("/api/v1/contracts/" + id + "/sign-requests",
                        NodeApi.object().put("purpose", "合同签署"), Set.of(201)).get("signRequestId").asText();
                p.reviewer().post("/api/v1/sign-requests/" + request + "/approve",
                        NodeApi.object().put("opinion", "同意"), Set.of(200));
                timed("sign (the signing call)", () -> p.operator().post("/api/v1/sign-requests/" + request + "/sign",
                        null, Set.of(200)));
                record("sign (file, review, sign)", Duration.between(start, Instant.now()).toMillis());
            }
            JsonNode done = parties.get(1).operator().get("/api/v1/contracts/" + id);
            if (!"ARCHIVED".equals(done.path("status").asText())) {
                throw new DemoFailure("contract " + id + " is not archived after three signatures: " + done);
            }
            byte[] signed = parties.get(2).operator().getBytes("/api/v1/contracts/" + id + "/document");
            signedAt.put(HexFormat.of().formatHex(cn.hrss.seal.core.crypto.Sm3.hash(signed)), Instant.now());
        }
        for (int q = 0; q < 50; q++) {
            Party p = parties.get(q % 3);
            timed("query (contracts of a party)", () -> p.operator().get("/api/v1/contracts?party=" + p.institution()
                    + "&status=ARCHIVED&size=20"));
        }

        // to the chain: each contract's final signing until its receipt's anchor, by the anchoring block's time
        NodeApi anyone = new NodeApi(java.net.http.HttpClient.newHttpClient(), admin.base());
        JsonNode receipt = null;
        for (Map.Entry<String, Instant> signing : signedAt.entrySet()) {
            receipt = FederationDemo.awaitAnchoredReceipt(anyone, signing.getKey(), false, Duration.ofMinutes(15));
            Instant block = Instant.parse(receipt.path("anchor").path("blockTime").asText());
            record("on-chain (signed -> anchoring block)", Math.max(0,
                    Duration.between(signing.getValue(), block).toMillis()));
        }
        EvmEvidenceAnchor chain = EvmEvidenceAnchor.reader(demo.chainRpc().orElseThrow(), 1337,
                receipt.path("anchor").path("contractAddress").asText());
        String logId = receipt.path("logId").asText();
        long size = receipt.path("treeSize").asLong();
        for (int q = 0; q < 100; q++) {
            timed("chain query (recorded root)", () -> chain.recorded(logId, size).orElseThrow());
        }
        double sm3 = sm3MegabytesPerSecond();
        return report(contracts, sm3);
    }

    private String makeSeal(NodeApi operator, NodeApi reviewer, String creditCode, int i) {
        JsonNode applied = operator.post("/api/v1/seal-applications", NodeApi.parse("""
                {"unitCreditCode":"%s","unitRegionCode":"350203","unitType":"PUBLIC_INSTITUTION",
                 "unitName":"厦门市合同方%d","unitAddress":"厦门市思明区","agentName":"张三",
                 "agentIdNumber":"11010519491231002X","agentPhone":"13800138000",
                 "approverUnitName":"厦门市人力资源和社会保障局","approverRegionCode":"350200",
                 "sealName":"合同专用章","sealType":"99","scope":"INDUSTRY","validityDays":365}"""
                .formatted(creditCode, i)));
        String id = applied.get("id").asText();
        reviewer.post("/api/v1/seal-applications/" + id + "/approve", NodeApi.object().put("opinion", "同意"),
                Set.of(200));
        JsonNode made = operator.post("/api/v1/seal-applications/" + id + "/make", null, Set.of(200));
        if (!"VALID".equals(made.path("status").asText())) {
            throw new DemoFailure("seal not made: " + made);
        }
        return made.get("esId").asText();
    }

    private static NodeApi login(NodeApi admin, String username) {
        return new NodeApi(java.net.http.HttpClient.newHttpClient(), admin.base()).as(username, username + "Pass9");
    }

    private <T> T timed(String what, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        record(what, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    private void record(String what, long ms) {
        millis.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
    }

    /** SM3 over 64 MiB in 1 MiB calls, the best of three passes (BouncyCastle, as the node uses it). */
    private static double sm3MegabytesPerSecond() {
        byte[] block = new byte[1 << 20];
        new java.util.Random(1).nextBytes(block);
        byte[] digest = new byte[32];
        double best = 0;
        for (int pass = 0; pass < 3; pass++) {
            SM3Digest sm3 = new SM3Digest();
            long start = System.nanoTime();
            for (int i = 0; i < 64; i++) {
                sm3.update(block, 0, block.length);
            }
            sm3.doFinal(digest, 0);
            best = Math.max(best, 64.0 * block.length / 1e6 / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private String report(int contracts, double sm3) {
        Map<String, String> targets = Map.of("register", "≤ 3 s", "sign (the signing call)", "≤ 5 s",
                "sign (file, review, sign)", "≤ 5 s", "query (contracts of a party)", "≤ 1 s",
                "on-chain (signed -> anchoring block)", "≤ 10 min", "chain query (recorded root)", "≤ 5 s");
        StringBuilder b = new StringBuilder("| operation | seed 000 target | n | p50 | p99 | max |\n|---|---|---|---|---|---|\n");
        millis.forEach((what, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            b.append("| ").append(what).append(" | ").append(targets.getOrDefault(what, "")).append(" | ")
                    .append(sorted.size()).append(" | ").append(ms(percentile(sorted, 50))).append(" | ")
                    .append(ms(percentile(sorted, 99))).append(" | ").append(ms(sorted.get(sorted.size() - 1)))
                    .append(" |\n");
        });
        b.append(String.format("| SM3 (BouncyCastle, 1 MiB updates) | ≥ 5 MB/s | 3 passes | %.0f MB/s (best) | | |%n",
                sm3));
        b.append("\n").append(contracts).append(" three-party SEQUENTIAL contracts at Xiamen (city node), checkpoint"
                + " interval 2 s, anchor interval 3 s (demo settings; with the defaults of 1 min and 5 min the time to"
                + " the chain is bounded by about 6 min plus mining). On-chain: from the signing's answer to the"
                + " timestamp of the block that anchored a checkpoint containing it (1-second resolution).\n");
        return b.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long ms) {
        return ms >= 10_000 ? String.format("%.1f s", ms / 1000.0) : ms + " ms";
    }

    private record Party(String institution, String esId, NodeApi operator, NodeApi reviewer) {
    }
}
