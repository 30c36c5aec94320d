package cn.hrss.seal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway over plain HTTP in front of a recording echo server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "seal.gateway.federation.burst=3", "seal.gateway.federation.period=1h",
        "seal.gateway.business.burst=5", "seal.gateway.business.period=1h",
        "seal.gateway.portal.burst=1000"})
@Timeout(120)
class GatewayTest {

    private static final EchoUpstream NODE = start();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        registry.add("seal.gateway.node-uri", () -> NODE.uri().toString());
    }

    @AfterAll
    static void stopNode() {
        NODE.close();
    }

    @Test
    void routesEveryPublicBusinessAndFederationPathToTheNodeUnchanged() throws Exception {
        String id = UUID.randomUUID().toString();
        List<String> targets = List.of("/verify?id=" + id, "/verify/reports/" + id, "/portal/" + id + "/upload",
                "/api/v1/verify?x=" + id, "/ca/" + id + "/crl", "/api/v1/seal-status/" + id,
                "/api/v1/sign/pdf?" + id, "/api/v1/auth/" + id, "/api/v1/seals/" + id, "/console/" + id,
                "/federation/messages/" + id, "/actuator/health?" + id);
        for (String target : targets) {
            HttpResponse<String> response = send(get(target).build());
            assertThat(response.statusCode()).as(target).isEqualTo(200);
            assertThat(NODE.received(target)).as(target).isPresent();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS without TLS").isEmpty();
        }
    }

    @Test
    void anythingElseIsAJson404ThatNeverReachesTheNode() throws Exception {
        String id = UUID.randomUUID().toString();
        for (String target : List.of("/" + id, "/admin/" + id, "/actuator/env/" + id, "/api/v2/" + id,
                "/federationx/" + id, "/verifyx/" + id)) {
            HttpResponse<String> response = send(get(target).build());
            assertThat(response.statusCode()).as(target).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(NODE.sawPathStartingWith("/actuator/env")).isFalse();
        assertThat(NODE.sawPathStartingWith("/admin")).isFalse();
    }

    @Test
    void federationBodiesHeadersAndTargetsPassByteExactInBothDirections() throws Exception {
        String signer = signer();
        // odd whitespace, non-ASCII and raw bytes: any re-encoding would break the message signature
        byte[] body = concat("{ \"a\" :1,\t\"名\":\"印章\" }\r\n".getBytes(StandardCharsets.UTF_8), randomBytes(4096));
        String target = "/federation/messages/status.change/1?x=%2F%20y&z=a+b";
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(target))
                .header("Content-Type", "application/json")
                .header("Seal-Message-Kind", "status.change/1")
                .header("Seal-Message-Id", "m-" + signer.substring(0, 8))
                .header("Seal-Signer", signer)
                .header("Seal-Timestamp", "1763900000")
                .header("Seal-Nonce", "AAAAAAAAAAAAAAAAAAAAAA")
                .header("Content-Digest", "sm3=:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=:")
                .header("Seal-Signature", "MEUCIQ==")
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Seal-Signature")).hasValue("upstream-signature");
        EchoUpstream.Recorded seen = NODE.received(target).orElseThrow();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo(body);
        assertThat(seen.header("Content-Length")).hasValue(Integer.toString(body.length));
        assertThat(seen.header("Seal-Signer")).hasValue(signer);
        assertThat(seen.header("Seal-Message-Kind")).hasValue("status.change/1");
        assertThat(seen.header("Seal-Timestamp")).hasValue("1763900000");
        assertThat(seen.header("Seal-Nonce")).hasValue("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(seen.header("Content-Digest")).hasValue("sm3=:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=:");
        assertThat(seen.header("Seal-Signature")).hasValue("MEUCIQ==");
        assertThat(seen.header("Content-Type")).hasValue("application/json");
    }

    @Test
    void spoofedForwardingHeadersAreReplacedByWhatTheGatewaySaw() throws Exception {
        String target = "/api/v1/verify?spoof=" + UUID.randomUUID();
        send(get(target)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "for=6.6.6.6;proto=https")
                .header("X-Real-IP", "6.6.6.6").build());

        EchoUpstream.Recorded seen = NODE.received(target).orElseThrow();
        assertThat(seen.headers().get("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(seen.headers().get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(seen.headers().get("X-Forwarded-Host")).containsExactly("localhost:" + port);
        assertThat(seen.headers()).doesNotContainKeys("Forwarded", "X-Real-IP", "X-Forwarded-Prefix");
    }

    @Test
    void headersNamedInConnectionAreHopByHopAndDropped() throws Exception {
        String target = "/verify/hop/" + UUID.randomUUID();
        String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close, X-Hop-Secret\r\n"
                + "X-Hop-Secret: for-the-gateway-only\r\nX-End-To-End: kept\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 200");
        }
        EchoUpstream.Recorded seen = NODE.received(target).orElseThrow();
        assertThat(seen.headers()).doesNotContainKey("X-Hop-Secret");
        assertThat(seen.header("X-End-To-End")).hasValue("kept");
    }

    @Test
    void federationIsRateLimitedPerSignerWithRetryAfter() throws Exception {
        String signer = signer();
        for (int i = 0; i < 3; i++) {
            assertThat(send(federation(signer).build()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = send(federation(signer).build());

        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("message").asText()).isNotBlank();
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        // one token of 3 per hour comes back after 20 minutes
        assertThat(retryAfter).isBetween(1L, 1200L);
        assertThat(error.path("details").path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(send(federation(signer()).build()).statusCode()).as("another signer").isEqualTo(200);
    }

    @Test
    void businessApiIsRateLimitedPerBearerToken() throws Exception {
        String token = HexFormat.of().formatHex(randomBytes(16));
        for (int i = 0; i < 5; i++) {
            assertThat(send(get("/api/v1/seals?" + UUID.randomUUID())
                    .header("Authorization", "Bearer " + token).build()).statusCode()).isEqualTo(200);
        }
        String refusedTarget = "/api/v1/seals?" + UUID.randomUUID();
        HttpResponse<String> refused = send(get(refusedTarget).header("Authorization", "Bearer " + token).build());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(NODE.received(refusedTarget)).as("refused requests never reach the node").isEmpty();
        String otherToken = HexFormat.of().formatHex(randomBytes(16));
        assertThat(send(get("/api/v1/seals").header("Authorization", "Bearer " + otherToken).build())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a19MegabytePortalUploadPasses() throws Exception {
        byte[] body = randomBytes(19 * 1024 * 1024);
        String target = "/portal/upload/" + UUID.randomUUID();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(target))
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(NODE.received(target).orElseThrow().body()).isEqualTo(body);
    }

    @Test
    void portalUploadOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        String target = "/portal/upload/" + UUID.randomUUID();
        // only the head: the gateway must answer from Content-Length alone, without waiting for 21 MB
        String head = "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/pdf\r\n"
                + "Content-Length: " + 21 * 1024 * 1024 + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            String line;
            int contentLength = -1;
            while (!(line = in.readLine()).isEmpty()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            char[] body = new char[contentLength];
            assertThat(in.read(body, 0, contentLength)).isPositive();
            JsonNode error = JSON.readTree(new String(body));
            assertThat(error.path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
            assertThat(error.path("details").path("maxBytes").asLong()).isEqualTo(20L * 1024 * 1024);
        }
        assertThat(NODE.received(target)).isEmpty();
    }

    @Test
    void chunkedFederationBodyOverOneMegabyteIs413() throws Exception {
        String target = "/federation/messages/" + UUID.randomUUID();
        byte[] body = new byte[2 * 1024 * 1024];
        // no Content-Length: the gateway has to count while streaming
        HttpResponse<String> response = send(federation(signer(), target)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(NODE.received(target)).isEmpty();
    }

    private HttpRequest.Builder federation(String signer) {
        return federation(signer, "/federation/messages/" + UUID.randomUUID()).POST(BodyPublishers.ofString("{}"));
    }

    private HttpRequest.Builder federation(String signer, String target) {
        return HttpRequest.newBuilder(uri(target)).header("Seal-Signer", signer)
                .header("Content-Type", "application/json");
    }

    private HttpRequest.Builder get(String target) {
        return HttpRequest.newBuilder(uri(target)).GET();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, BodyHandlers.ofString());
    }

    private URI uri(String target) {
        return URI.create("http://localhost:" + port + target);
    }

    private static String signer() {
        return HexFormat.of().formatHex(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static EchoUpstream start() {
        try {
            return new EchoUpstream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
