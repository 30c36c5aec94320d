package cn.hrss.seal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Status propagation across the tiers, measured on the demo topology with every node on its own PostgreSQL database
 * (so the harness reads the nodes' own records; all processes share this machine's clock):
 * <ol>
 *   <li>delay city -> ministry: from the city ledger's {@code recorded_at} of a change to the ministry's
 *       {@code received_at} of it, and ministry -> other province: from there to Guangdong's {@code received_at}
 *       (pushed, because Guangdong asked about each seal before), over {@code --changes} changes (half the seals
 *       reported lost, then cancelled);</li>
 *   <li>outbox catch-up: Fujian stopped for {@code --outage-seconds} while the city keeps making seals, then started
 *       again; the time from its restart until the ministry holds every change made meanwhile.</li>
 * </ol>
 * {@code java -cp seal-demo.jar cn.hrss.seal.demo.PropagationBenchmark [--changes 1000] [--outage-seconds 60]}
 * (scripts/bench-status-propagation.sh).
 */
public final class PropagationBenchmark {
    private final FederationDemo demo;
    private final BenchDatabases databases;
    private final String pgBase;
    private final PrintStream out;
    private NodeApi operator;
    private NodeApi reviewer;

    private PropagationBenchmark(FederationDemo demo, BenchDatabases databases, String pgBase, PrintStream out) {
        this.demo = demo;
        this.databases = databases;
        this.pgBase = pgBase;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int changes = 1000;
        int outageSeconds = 60;
        int basePort = 19500;
        Path work = null;
        Path nodeJar = Path.of("deploy/seal-node/target/seal-node.jar");
        Path simJar = Path.of("deploy/national-platform-sim/target/national-platform-sim.jar");
        String pg = "jdbc:postgresql://127.0.0.1:5432/";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--changes" -> changes = Integer.parseInt(args[++i]);
                case "--outage-seconds" -> outageSeconds = Integer.parseInt(args[++i]);
                case "--base-port" -> basePort = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--node-jar" -> nodeJar = Path.of(args[++i]);
                case "--sim-jar" -> simJar = Path.of(args[++i]);
                case "--pg" -> pg = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (work == null) {
            work = Files.createTempDirectory("seal-propagation");
        }
        Topology topology = Topology.onLoopback(basePort);
        BenchDatabases databases = new BenchDatabases(pg, topology, "bench");
        FederationDemo demo = new FederationDemo(new FederationDemo.Settings(work, topology, basePort, nodeJar,
                simJar, Path.of("seal-cli/target/seal-cli.jar"), databases.nodeArguments()), System.out);
        String report;
        try {
            demo.setUp();
            report = new PropagationBenchmark(demo, databases, pg, System.out).measure(changes, outageSeconds);
        } finally {
            demo.close();
            databases.close();
        }
        Files.writeString(work.resolve("propagation.md"), report, StandardCharsets.UTF_8);
        System.out.println("\n" + report + "\n(also in " + work.resolve("propagation.md") + ")");
    }

    private String measure(int changes, int outageSeconds) throws Exception {
        NodeApi admin = demo.admin(Topology.XIAMEN);
        for (String[] u : new String[][] {{"benchop", "SEAL_OPERATOR"}, {"benchrv", "SEAL_REVIEWER"}}) {
            ObjectNode user = NodeApi.object().put("username", u[0]).put("password", u[0] + "Pass9X")
                    .put("displayName", u[0]);
            user.putArray("roles").add(u[1]);
            admin.post("/api/v1/users", user, Set.of(201));
        }
        operator = new NodeApi(demo.http(), admin.base()).as("benchop", "benchopPass9X");
        reviewer = new NodeApi(demo.http(), admin.base()).as("benchrv", "benchrvPass9X");

        int seals = changes / 2;
        out.printf("making %d seals at Xiamen ...%n", seals);
        List<String> esIds = new ArrayList<>();
        for (int i = 0; i < seals; i++) {
            esIds.add(makeSeal());
        }
        awaitCount("ministry", "SELECT COUNT(*) FROM statusfed_version WHERE version = 1", seals, Duration.ofMinutes(5));
        out.println("Guangdong asks about every seal once (so the ministry pushes their changes to it) ...");
        NodeApi guangdong = new NodeApi(demo.http(), demo.admin(Topology.GUANGDONG).base());
        for (String esId : esIds) {
            guangdong.get("/api/v1/seal-status/" + esId);
        }
        out.printf("%d changes at Xiamen: loss report, then cancellation, of each seal ...%n", changes);
        for (String esId : esIds) {
            operator.post("/api/v1/seals/" + esId + "/loss", NodeApi.object().put("reason", "bench loss"),
                    Set.of(200));
            operator.post("/api/v1/seals/" + esId + "/cancel", NodeApi.object().put("reason", "bench cancel"),
                    Set.of(200));
        }
        String changed = "version >= 2";
        awaitCount("ministry", "SELECT COUNT(*) FROM statusfed_version WHERE " + changed, changes,
                Duration.ofMinutes(5));
        awaitCount("guangdong", "SELECT COUNT(*) FROM statusfed_version WHERE " + changed, changes,
                Duration.ofMinutes(5));
        Map<String, Instant> atCity = times("xiamen", "SELECT es_id, version, recorded_at FROM seal_status_history"
                + " WHERE " + changed);
        Map<String, Instant> atMinistry = times("ministry", "SELECT es_id, version, received_at FROM statusfed_version"
                + " WHERE " + changed);
        Map<String, Instant> atGuangdong = times("guangdong", "SELECT es_id, version, received_at FROM"
                + " statusfed_version WHERE " + changed);
        List<Long> up = delays(atCity, atMinistry);
        List<Long> across = delays(atMinistry, atGuangdong);
        List<Long> endToEnd = delays(atCity, atGuangdong);

        out.printf("outage: Fujian stopped for %d s while Xiamen keeps making seals ...%n", outageSeconds);
        int before = count("ministry", "SELECT COUNT(*) FROM statusfed_version WHERE version = 1");
        demo.stop(Topology.FUJIAN);
        Instant outageStart = Instant.now();
        int made = 0;
        while (Duration.between(outageStart, Instant.now()).getSeconds() < outageSeconds) {
            makeSeal();
            made++;
            Thread.sleep(1000);
        }
        Instant restartBegun = Instant.now();
        demo.restart(Topology.FUJIAN);
        Instant restarted = Instant.now();
        awaitCount("ministry", "SELECT COUNT(*) FROM statusfed_version WHERE version = 1", before + made,
                Duration.ofMinutes(20));
        Instant caughtUp = Instant.now();

        StringBuilder r = new StringBuilder();
        r.append("| measurement | n | p50 | p99 | max |\n|---|---|---|---|---|\n");
        r.append(row("status change, city -> ministry (via the province)", up));
        r.append(row("status change, ministry -> other province (pushed)", across));
        r.append(row("status change, city -> other province, end to end", endToEnd));
        r.append("\nOutage: Fujian stopped ").append(outageSeconds).append(" s, ").append(made)
                .append(" seals made at Xiamen meanwhile; Fujian's restart took ")
                .append(Duration.between(restartBegun, restarted).toMillis()).append(" ms; the ministry held all ")
                .append(made).append(" of them ").append(Duration.between(restarted, caughtUp).toMillis())
                .append(" ms after Fujian was healthy again (outbox retry schedule: initial back-off 1 s, max 5 s, as"
                        + " the demo configures; production defaults 5 s / 15 min).\n");
        return r.toString();
    }

    private String makeSeal() {
        JsonNode applied = operator.post("/api/v1/seal-applications", NodeApi.parse("""
                {"unitCreditCode":"12350203123456788E","unitRegionCode":"350203","unitType":"PUBLIC_INSTITUTION",
                 "unitName":"厦门市社会保险中心","unitAddress":"厦门市思明区","agentName":"张三",
                 "agentIdNumber":"11010519491231002X","agentPhone":"13800138000",
                 "approverUnitName":"厦门市人力资源和社会保障局","approverRegionCode":"350200",
                 "sealName":"业务专用章","sealType":"99","scope":"INDUSTRY","validityDays":365}"""), Set.of(201));
        String id = applied.get("id").asText();
        reviewer.post("/api/v1/seal-applications/" + id + "/approve", NodeApi.object().put("opinion", "同意"),
                Set.of(200));
        return operator.post("/api/v1/seal-applications/" + id + "/make", null, Set.of(200)).get("esId").asText();
    }

    private static String row(String what, List<Long> delays) {
        return "| " + what + " | " + delays.size() + " | " + percentile(delays, 50) + " ms | "
                + percentile(delays, 99) + " ms | " + (delays.isEmpty() ? 0 : delays.get(delays.size() - 1))
                + " ms |\n";
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static List<Long> delays(Map<String, Instant> from, Map<String, Instant> to) {
        List<Long> delays = new ArrayList<>();
        from.forEach((key, start) -> {
            Instant end = to.get(key);
            if (end != null) {
                delays.add(Math.max(0, Duration.between(start, end).toMillis()));
            }
        });
        Collections.sort(delays);
        return delays;
    }

    private Map<String, Instant> times(String node, String sql) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (Connection c = connect(node); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                times.put(rs.getString(1) + "/" + rs.getLong(2), rs.getTimestamp(3).toInstant());
            }
        }
        return times;
    }

    private int count(String node, String sql) throws SQLException {
        try (Connection c = connect(node); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void awaitCount(String node, String sql, int wanted, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            seen = count(node, sql);
            if (seen >= wanted) {
                return;
            }
            Thread.sleep(200);
        }
        throw new DemoFailure(node + " holds " + seen + " of " + wanted + " after " + timeout + ": " + sql);
    }

    private Connection connect(String node) throws SQLException {
        return DriverManager.getConnection(pgBase + databases.name(node), "postgres", "");
    }
}
