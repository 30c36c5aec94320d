package cn.hrss.seal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a loopback HTTP server that records the exact requests and answers as the contract says. */
class SealClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Recorded(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** What the server answers for a method and path. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Answer bytes(byte[] body) {
            return new Answer(200, "application/octet-stream", body, Map.of());
        }
    }

    interface Route {
        Answer answer(Recorded request) throws IOException;
    }

    private HttpServer server;
    private final Deque<Recorded> requests = new ConcurrentLinkedDeque<>();
    private final Map<String, Route> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private SealClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        routes.put("POST /api/v1/auth/client-token", r -> Answer.json(200,
                "{\"token\":\"t" + tokens.incrementAndGet() + "\",\"expiresAt\":\"2026-11-23T22:00:00Z\"}"));
        routes.put("POST /api/v1/auth/login", r -> Answer.json(200, "{\"token\":\"user-token\"}"));
        client = SealClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/").build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Recorded r = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        requests.add(r);
        Route route = routes.get(r.method() + " " + exchange.getRequestURI().getRawPath());
        Answer a = route == null ? Answer.json(404, "{\"code\":\"NOT_FOUND\",\"message\":\"no route\"}")
                : route.answer(r);
        exchange.getResponseHeaders().add("Content-Type", a.contentType());
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(a.body());
        }
    }

    private Recorded last(String methodAndPath) {
        return requests.stream().filter(r -> (r.method() + " " + r.path()).equals(methodAndPath))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no request " + methodAndPath));
    }

    /** The parts of a multipart body: name -> content, checked against the boundary of the Content-Type. */
    static Map<String, String> parts(Recorded r) {
        Matcher m = Pattern.compile("multipart/form-data; boundary=(.+)").matcher(r.header("Content-type"));
        assertThat(m.matches()).as(r.header("Content-type")).isTrue();
        String boundary = m.group(1);
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("--" + boundary + "--\r\n");
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        for (String part : body.split("--" + Pattern.quote(boundary) + "(--)?\r\n")) {
            if (part.isEmpty()) {
                continue;
            }
            int headerEnd = part.indexOf("\r\n\r\n");
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part.substring(0, headerEnd));
            assertThat(name.find()).isTrue();
            assertThat(part).endsWith("\r\n");
            parts.put(name.group(1), part.substring(headerEnd + 4, part.length() - 2));
        }
        return parts;
    }

    @Test
    void clientLoginThenSignPdfSendsMultipartWithBearerToken() throws IOException {
        byte[] pdf = "%PDF-1.7 test \r\n--not-a-boundary".getBytes(StandardCharsets.ISO_8859_1);
        routes.put("POST /api/v1/sign/pdf", r -> Answer.bytes("%PDF-signed".getBytes(StandardCharsets.US_ASCII)));

        client.loginClient("hr-system", "s3cret");
        byte[] signed = client.signPdf("1101052694010001", "劳动合同", pdf, Placement.at(1, 120.5, 200));

        assertThat(signed).asString(StandardCharsets.US_ASCII).isEqualTo("%PDF-signed");
        JsonNode login = last("POST /api/v1/auth/client-token").json();
        assertThat(login.get("clientId").asText()).isEqualTo("hr-system");
        assertThat(login.get("clientSecret").asText()).isEqualTo("s3cret");
        Recorded sign = last("POST /api/v1/sign/pdf");
        assertThat(sign.header("Authorization")).isEqualTo("Bearer t1");
        Map<String, String> parts = parts(sign);
        assertThat(parts).containsEntry("esId", "1101052694010001").containsEntry("page", "1")
                .containsEntry("x", "120.5").containsEntry("y", "200.0")
                .containsEntry("file", new String(pdf, StandardCharsets.ISO_8859_1));
        assertThat(new String(parts.get("purpose").getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                .isEqualTo("劳动合同");
    }

    @Test
    void expiredClientTokenIsRenewedOnceThenTheCallRetried() {
        AtomicInteger calls = new AtomicInteger();
        routes.put("POST /api/v1/sign/data", r -> calls.incrementAndGet() == 1
                ? Answer.json(401, "{\"code\":\"UNAUTHENTICATED\",\"message\":\"token expired\"}")
                : Answer.bytes(new byte[] {0x30, 0x03, 1, 2, 3}));
        client.loginClient("hr-system", "s3cret");

        byte[] signature = client.signDigest("ES1", "payroll", new byte[32]);

        assertThat(signature).containsExactly(0x30, 0x03, 1, 2, 3);
        assertThat(tokens.get()).isEqualTo(2);
        assertThat(last("POST /api/v1/sign/data").header("Authorization")).isEqualTo("Bearer t2");
        assertThat(parts(last("POST /api/v1/sign/data"))).containsEntry("sm3", HexFormat.of().formatHex(new byte[32]))
                .doesNotContainKey("file");

        routes.put("POST /api/v1/sign/data", r -> Answer.json(401, "{\"code\":\"UNAUTHENTICATED\",\"message\":\"no\"}"));
        assertThatThrownBy(() -> client.signData("ES1", "payroll", new byte[] {1}))
                .isInstanceOfSatisfying(SealApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
        assertThat(tokens.get()).isEqualTo(3);
    }

    @Test
    void errorsCarryCodeStatusMessageAndDetails() {
        routes.put("POST /api/v1/sign/ofd", r -> Answer.json(403,
                "{\"code\":\"AUTHORISATION_PURPOSE_NOT_ALLOWED\",\"message\":\"purpose not authorised\","
                        + "\"details\":{\"purpose\":\"x\",\"allowed\":[\"payroll\"]}}"));
        client.loginUser("operator", "pw");

        assertThatThrownBy(() -> client.signOfd("ES1", "x", new byte[] {'P', 'K'}, Placement.keyword("甲方")))
                .isInstanceOfSatisfying(SealApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("AUTHORISATION_PURPOSE_NOT_ALLOWED");
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("purpose not authorised");
                    assertThat(e.details()).containsEntry("purpose", "x")
                            .containsEntry("allowed", List.of("payroll"));
                });
        assertThat(last("POST /api/v1/sign/ofd").header("Authorization")).isEqualTo("Bearer user-token");

        routes.put("GET /api/v1/seal-status/ES1", r -> new Answer(502, "text/html",
                "<html>bad gateway</html>".getBytes(StandardCharsets.US_ASCII), Map.of()));
        assertThatThrownBy(() -> client.sealStatus("ES1")).isInstanceOfSatisfying(SealApiException.class,
                e -> assertThat(e.code()).isEqualTo("HTTP_502"));
    }

    @Test
    void verifyUploadsFileAndDataAndReadsTheReport() throws IOException {
        routes.put("POST /api/v1/verify", r -> "application/pdf".equals(r.header("Accept"))
                ? new Answer(200, "application/pdf", "%PDF-report".getBytes(StandardCharsets.US_ASCII), Map.of())
                : Answer.json(200, """
                {"verdict":"FAILED","validationTime":"2026-11-23T18:00:00Z","documentType":"DATA",
                 "documentChecks":[],"futureMember":1,
                 "signatures":[{"name":"signature","verdict":"FAILED","signer":"CN=seal","esId":"ES1",
                   "sealName":"业务专用章","sealMaker":"CN=maker","claimedTime":"2026-11-23T17:00:00+08:00",
                   "timeStampTime":null,"checks":[{"check":"DOCUMENT_INTEGRITY","verdict":"FAILED",
                   "code":"DATA_HASH","reason":"dataHash differs","decisive":true,"extra":"x"}]}]}"""));
        client.loginUser("operator", "pw");

        VerificationReport report = client.verify(new byte[] {0x30, 1, 0}, "data".getBytes(StandardCharsets.UTF_8));

        assertThat(report.verdict()).isEqualTo("FAILED");
        assertThat(report.passed()).isFalse();
        VerificationReport.Signature signature = report.signatures().get(0);
        assertThat(signature.esId()).isEqualTo("ES1");
        assertThat(signature.claimedTime().toInstant()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(signature.checks()).singleElement()
                .isEqualTo(new VerificationReport.Check("DOCUMENT_INTEGRITY", "FAILED", "DATA_HASH",
                        "dataHash differs", true));
        Map<String, String> parts = parts(last("POST /api/v1/verify"));
        assertThat(parts).containsOnlyKeys("file", "data").containsEntry("data", "data");

        assertThat(client.verifyPdfReport(new byte[] {1}, null)).asString(StandardCharsets.US_ASCII)
                .isEqualTo("%PDF-report");
        assertThat(parts(last("POST /api/v1/verify"))).containsOnlyKeys("file");
    }

    @Test
    void signRequestsAndAuthorisationsUseTheContractJson() throws IOException {
        routes.put("POST /api/v1/sign-requests", r -> Answer.json(201,
                "{\"id\":\"sr-1\",\"status\":\"SUBMITTED\",\"esId\":\"ES1\",\"purpose\":\"合同\","
                        + "\"documents\":[{\"name\":\"a.pdf\",\"type\":\"PDF\"}],\"createdBy\":\"op\"}"));
        routes.put("POST /api/v1/sign-requests/sr-1/approve", r -> Answer.json(200,
                "{\"id\":\"sr-1\",\"status\":\"APPROVED\"}"));
        routes.put("POST /api/v1/sign-requests/sr-1/reject", r -> Answer.json(200,
                "{\"id\":\"sr-1\",\"status\":\"REJECTED\"}"));
        routes.put("POST /api/v1/sign-requests/sr-1/sign", r -> Answer.json(200,
                "{\"id\":\"sr-1\",\"status\":\"SIGNED\"}"));
        routes.put("GET /api/v1/sign-requests/sr-1/documents/0", r -> Answer.bytes(new byte[] {'%', 'P'}));
        routes.put("POST /api/v1/authorisations", r -> Answer.json(201,
                "{\"id\":\"au-1\",\"clientId\":\"hr\",\"esId\":\"ES1\",\"purposes\":[\"payroll\"],"
                        + "\"validUntil\":\"2027-01-01T00:00:00Z\",\"dailyLimit\":100,\"status\":\"ACTIVE\"}"));
        routes.put("POST /api/v1/authorisations/au-1/revoke", r -> Answer.json(200,
                "{\"id\":\"au-1\",\"status\":\"REVOKED\"}"));
        client.loginUser("operator", "pw");

        SignRequest created = client.createSignRequest("ES1", "合同", List.of(
                SignRequest.Document.pdf("a.pdf", new byte[] {1, 2}, Placement.at(2, 10, 20)),
                SignRequest.Document.ofd("b.ofd", new byte[] {3}, Placement.riding()),
                SignRequest.Document.data("c.json", new byte[] {4})));
        assertThat(created.id()).isEqualTo("sr-1");
        assertThat(created.documents()).extracting(SignRequest.DocumentView::type).containsExactly("PDF");
        JsonNode body = last("POST /api/v1/sign-requests").json();
        assertThat(last("POST /api/v1/sign-requests").header("Content-type")).isEqualTo("application/json");
        assertThat(body.get("esId").asText()).isEqualTo("ES1");
        assertThat(body.get("purpose").asText()).isEqualTo("合同");
        JsonNode first = body.get("documents").get(0);
        assertThat(first.get("name").asText()).isEqualTo("a.pdf");
        assertThat(first.get("type").asText()).isEqualTo("PDF");
        assertThat(first.get("contentBase64").asText()).isEqualTo("AQI=");
        assertThat(body.get("documents").get(0).get("placement").get("page").asInt()).isEqualTo(2);
        assertThat(body.get("documents").get(0).get("placement").get("x").asDouble()).isEqualTo(10);
        assertThat(body.get("documents").get(1).get("placement").toString()).isEqualTo("{\"riding\":true}");
        assertThat(body.get("documents").get(2).has("placement")).isFalse();

        assertThat(client.approveSignRequest("sr-1", "同意").status()).isEqualTo("APPROVED");
        assertThat(last("POST /api/v1/sign-requests/sr-1/approve").json().get("opinion").asText()).isEqualTo("同意");
        assertThat(client.rejectSignRequest("sr-1", "材料不全").status()).isEqualTo("REJECTED");
        assertThat(client.signSignRequest("sr-1").status()).isEqualTo("SIGNED");
        assertThat(client.signedDocument("sr-1", 0)).containsExactly('%', 'P');

        Authorisation granted = client.grantAuthorisation("hr", "ES1", List.of("payroll"),
                OffsetDateTime.parse("2027-01-01T00:00:00Z"), 100);
        assertThat(granted.dailyLimit()).isEqualTo(100);
        JsonNode grant = last("POST /api/v1/authorisations").json();
        assertThat(grant.get("clientId").asText()).isEqualTo("hr");
        assertThat(grant.get("purposes").get(0).asText()).isEqualTo("payroll");
        assertThat(grant.get("validUntil").asText()).isEqualTo("2027-01-01T00:00Z");
        assertThat(grant.get("dailyLimit").asInt()).isEqualTo(100);
        assertThat(client.revokeAuthorisation("au-1").status()).isEqualTo("REVOKED");
    }

    @Test
    void sealStatusKeepsTheSignedBodyAndHeaders() {
        String body = "{\"esId\":\"ES1\",\"status\":\"SUSPENDED\",\"since\":\"2026-11-23T18:00:00.000Z\","
                + "\"reason\":\"loss reported\",\"at\":\"2026-11-23T18:05:00.000Z\","
                + "\"checkedAt\":\"2026-11-23T18:10:28.123Z\"}";
        routes.put("GET /api/v1/seal-status/ES1", r -> new Answer(200, "application/json",
                body.getBytes(StandardCharsets.UTF_8), Map.of("Seal-Signature", "MEUC", "Seal-Signer", "ab12")));

        SealStatus status = client.sealStatus("ES1", Instant.parse("2026-11-23T18:05:00Z"));

        assertThat(last("GET /api/v1/seal-status/ES1?at=2026-11-23T18%3A05%3A00Z").header("Authorization")).isNull();
        assertThat(status.status()).isEqualTo("SUSPENDED");
        assertThat(status.reason()).isEqualTo("loss reported");
        assertThat(status.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(status.signature()).isEqualTo("MEUC");
        assertThat(status.signer()).isEqualTo("ab12");
    }

    @Test
    void oneClientServesConcurrentCalls() throws Exception {
        routes.put("POST /api/v1/sign/data", r -> Answer.bytes(parts(r).get("file").getBytes(StandardCharsets.ISO_8859_1)));
        client.loginClient("hr-system", "s3cret");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                byte[] data = ("doc-" + i).getBytes(StandardCharsets.US_ASCII);
                results.add(pool.submit(() -> client.signData("ES1", "payroll", data)));
            }
            for (int i = 0; i < 32; i++) {
                assertThat(new String(results.get(i).get(), StandardCharsets.US_ASCII)).isEqualTo("doc-" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
