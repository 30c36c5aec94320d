package cn.hrss.seal.bench.application;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver against a scripted endpoint on loopback: what it sends, what it counts, when it refuses to run. */
class LoadDriverTest {
    private static final Pattern FIELD =
            Pattern.compile("Content-Disposition: form-data; name=\"([^\"]+)\"\r\n\r\n([^\r]*)\r\n");

    private final Set<String> digests = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheContractsMultipartFieldsWithAFreshDigestAndCountsAnswers() throws Exception {
        start(exchange -> {
            int n = requests.incrementAndGet();
            Map<String, String> fields = fields(exchange);
            boolean wellFormed = "Bearer client-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("multipart/form-data;")
                    && "3505210012345678".equals(fields.get("esId")) && "劳动合同".equals(fields.get("purpose"))
                    && fields.getOrDefault("sm3", "").matches("[0-9a-f]{64}") && digests.add(fields.get("sm3"));
            // every fifth answer a refusal, to be counted as an error
            reply(exchange, !wellFormed ? 400 : n % 5 == 0 ? 429 : 200, wellFormed ? "signature" : fields.toString());
        });

        LoadDriver.Result result = new LoadDriver(settings(Duration.ofMillis(0), Duration.ofSeconds(1))).run();

        assertThat(result.ok()).isPositive();
        assertThat(result.errors()).containsOnlyKeys("429");
        assertThat(result.errors().get("429")).isBetween(result.ok() / 4 - 3, result.ok() / 4 + 3);
        assertThat(result.firstError()).startsWith("429 ");
        assertThat(result.latenciesNanos()).hasSize((int) result.ok());
        assertThat(result.rate()).isEqualTo(result.ok() / result.seconds());
        assertThat(result.percentileMs(50)).isPositive().isLessThanOrEqualTo(result.percentileMs(99));
        assertThat(digests).hasSize(requests.get());
    }

    @Test
    void inBatchModeSendsFreshDigestsAsJsonAndCountsEverySignature() throws Exception {
        Pattern digest = Pattern.compile("\"([0-9a-f]{64})\"");
        start(exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = digest.matcher(body);
            int n = 0;
            while (m.find()) {
                n += digests.add(m.group(1)) ? 1 : 0;
            }
            boolean wellFormed = exchange.getRequestURI().getPath().equals(LoadDriver.BATCH_PATH)
                    && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && LoadDriver.SIGNATURE_LIST.equals(exchange.getRequestHeaders().getFirst("Accept"))
                    && body.contains("\"esId\":\"3505210012345678\"") && body.contains("\"timeStamp\":false")
                    && n == 7;
            reply(exchange, wellFormed ? 200 : 400, wellFormed ? "list" : body);
        });

        LoadDriver.Result result = new LoadDriver(settings(Duration.ZERO, Duration.ofSeconds(1)).with(7, false))
                .run();

        assertThat(result.errors()).isEmpty();
        assertThat(result.ok()).isPositive().isEqualTo(7L * result.latenciesNanos().length);
        assertThat(digests).hasSize(7 * requests.get());
        assertThat(LoadDriver.jsonText("a\"b\\c\n")).isEqualTo("a\\\"b\\\\c\\u000a");
    }

    @Test
    void refusesToRunAgainstANodeWithoutTheEndpoint() throws Exception {
        start(exchange -> {
            requests.incrementAndGet();
            reply(exchange, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"no such resource\"}");
        });

        assertThatThrownBy(() -> new LoadDriver(settings(Duration.ZERO, Duration.ofSeconds(1))).run())
                .isInstanceOfSatisfying(LoadDriver.Refused.class, e -> assertThat(e.status).isEqualTo(404))
                .hasMessageContaining("no data-signing endpoint");
        assertThat(requests.get()).as("only the probe, no load").isEqualTo(1);
    }

    @Test
    void refusesToRunWhenTheFirstRequestIsRefused() throws Exception {
        start(exchange -> reply(exchange, 403, "{\"code\":\"AUTHORISATION_MISSING\"}"));

        assertThatThrownBy(() -> new LoadDriver(settings(Duration.ZERO, Duration.ofSeconds(1))).run())
                .isInstanceOfSatisfying(LoadDriver.Refused.class, e -> assertThat(e.status).isEqualTo(403))
                .hasMessageContaining("AUTHORISATION_MISSING");
    }

    @Test
    void readsOptionsAndTakesTheTokenFromTheEnvironmentOnly() {
        LoadDriver.Settings s = LoadDriver.Settings.parse(new String[] {"--node", "http://127.0.0.1:9", "--es-id",
                "E1", "--purpose", "p", "--threads", "3", "--node-pid", "42"}, Map.of(LoadDriver.TOKEN_ENV, "t"));
        assertThat(s.threads()).isEqualTo(3);
        assertThat(s.nodePid()).hasValue(42);
        assertThat(s.warmUp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.token()).isEqualTo("t");
        assertThatThrownBy(() -> LoadDriver.Settings.parse(new String[] {"--node", "http://x", "--es-id", "E",
                "--purpose", "p"}, Map.of())).hasMessageContaining(LoadDriver.TOKEN_ENV);
        assertThatThrownBy(() -> LoadDriver.Settings.parse(new String[] {"--node", "http://x", "--es-id", "E",
                "--purpose", "p", "--token", "t"}, Map.of(LoadDriver.TOKEN_ENV, "t")))
                .hasMessageContaining("unknown options: [token]");
    }

    @Test
    void reportsWhereTheNodesCpuWentByThreadGroup() throws Exception {
        start(exchange -> reply(exchange, 200, "signature"));
        // this JVM stands in for the node: its threads are read from /proc like the node's
        LoadDriver.Settings own = new LoadDriver.Settings(settings(Duration.ZERO, Duration.ofSeconds(1)).node(),
                "client-token", "3505210012345678", "劳动合同", 2, Duration.ZERO, Duration.ofSeconds(1),
                OptionalLong.of(ProcessHandle.current().pid()), 100, 0, true);
        LoadDriver.Result result = new LoadDriver(own).run();
        assertThat(result.nodeCpuByThreadGroup()).isNotEmpty().allSatisfy((group, seconds) -> {
            assertThat(group).doesNotContainPattern("[0-9]");
            assertThat(seconds).isGreaterThanOrEqualTo(0);
        });

        LoadDriver.Result shaped = new LoadDriver.Result(2, 10, 100, Map.of(), new long[] {1},
                java.util.OptionalDouble.of(4), 1, null, Map.of("http-nio-N-exec-N", 3.0, "CN CompilerThreadN", 1.0,
                "idle", 0.001));
        assertThat(shaped.lines()).contains("node CPU by thread: http-nio-N-exec-N 75%, CN CompilerThreadN 25%");
    }

    @Test
    void percentilesAreNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        LoadDriver.Result r = new LoadDriver.Result(2, 10, 100, Map.of(), nanos, java.util.OptionalDouble.of(4),
                1, null, Map.of());
        assertThat(r.percentileMs(50)).isEqualTo(50);
        assertThat(r.percentileMs(99)).isEqualTo(99);
        assertThat(r.percentileMs(100)).isEqualTo(100);
        assertThat(r.perNodeCpuSecond()).hasValue(25);
        assertThat(r.perTotalCpuSecond()).hasValue(20);
    }

    private LoadDriver.Settings settings(Duration warmUp, Duration duration) {
        return new LoadDriver.Settings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "client-token", "3505210012345678", "劳动合同", 2, warmUp, duration, OptionalLong.empty(), 100, 0, true);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext(LoadDriver.PATH, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
    }

    private static Map<String, String> fields(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(body);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
