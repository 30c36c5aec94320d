package cn.hrss.seal.application.online;

import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealStatusPolicy;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HttpSealStatusSource} against a scripted status endpoint: only answers signed by the pinned key, about the
 * esID and time asked, are believed; everything else is INDETERMINATE with the reason.
 */
class HttpSealStatusSourceOnlineTest {
    private static final Instant SIGNED_AT = Instant.parse("2026-11-20T08:00:00.123Z");
    private static final Instant REVOKED_AT = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    static Path dir;
    private static SoftCipherDevice device;
    private static KeyRef key;
    private static Sm2PublicKey publicKey;
    private static HttpServer server;
    /** esID -> what the endpoint does for it. */
    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();

    private interface Answer {
        void respond(com.sun.net.httpserver.HttpExchange exchange, String query) throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        device = new SoftCipherDevice(dir.resolve("keys"), new SecureRandom().generateSeed(16), "pw".toCharArray());
        key = device.generateKeyPair("node-system");
        publicKey = device.exportSignPublicKey(key);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/seal-status/", exchange -> {
            String esId = exchange.getRequestURI().getPath().substring("/api/v1/seal-status/".length());
            try {
                ANSWERS.getOrDefault(esId, (e, q) -> send(e, 404, "{}".getBytes(StandardCharsets.UTF_8), null))
                        .respond(exchange, exchange.getRequestURI().getQuery());
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        device.close();
    }

    private static HttpSealStatusSource source() {
        return new HttpSealStatusSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), publicKey,
                Duration.ofSeconds(3));
    }

    /** The real endpoint's behaviour: VALID until REVOKED_AT, REVOKED since; signed; `at` echoed. */
    private static Answer history(String esId) {
        return (exchange, query) -> {
            Instant at = query == null ? Instant.now() : Instant.parse(query.substring(3).replace("%3A", ":"));
            String status = at.isBefore(REVOKED_AT)
                    ? "\"status\":\"VALID\",\"since\":\"2026-01-01T00:00:00.000Z\""
                    : "\"status\":\"REVOKED\",\"since\":\"" + REVOKED_AT + "\",\"reason\":\"unit dissolved\"";
            String echo = query == null ? "" : ",\"at\":\"" + at.truncatedTo(ChronoUnit.MILLIS) + "\"";
            byte[] body = ("{\"esId\":\"" + esId + "\"," + status + echo + "}").getBytes(StandardCharsets.UTF_8);
            send(exchange, 200, body, sign(body));
        };
    }

    private static byte[] sign(byte[] body) {
        return device.sign(key, Sm2.digest(publicKey, body));
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body, byte[] signature)
            throws java.io.IOException {
        if (signature != null) {
            exchange.getResponseHeaders().add("Seal-Signature", Base64.getEncoder().encodeToString(signature));
            exchange.getResponseHeaders().add("Seal-Signer",
                    HexFormat.of().formatHex(Sm3.hash(publicKey.uncompressed())));
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Test
    void validAtTheTimeStampedSigningTimeAndRevokedSincePassesNamingTheRevocation() {
        ANSWERS.put("ES-HISTORY", history("ES-HISTORY"));

        CheckResult result = source().status("ES-HISTORY", new SigningTime(SIGNED_AT, true));

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.code()).isEqualTo(SealStatusPolicy.CHANGED_AFTER_SIGNING);
        assertThat(result.reason()).contains("REVOKED since " + REVOKED_AT, "unit dissolved");
    }

    @Test
    void withoutATimeStampTheCurrentStatusDecides() {
        ANSWERS.put("ES-NOW", history("ES-NOW"));

        CheckResult result = source().status("ES-NOW", new SigningTime(Instant.now(), false));

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.code()).isEqualTo(SealStatusPolicy.SEAL_REVOKED);
    }

    @Test
    void anAnswerWhoseSignatureDoesNotVerifyIsIndeterminate() {
        ANSWERS.put("ES-FORGED", (exchange, query) -> {
            byte[] signed = "{\"esId\":\"ES-FORGED\",\"status\":\"REVOKED\"}".getBytes(StandardCharsets.UTF_8);
            byte[] sent = "{\"esId\":\"ES-FORGED\",\"status\":\"VALID\"}".getBytes(StandardCharsets.UTF_8);
            send(exchange, 200, sent, sign(signed));
        });

        CheckResult result = source().status("ES-FORGED", new SigningTime(Instant.now(), false));

        assertThat(result.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(result.code()).isEqualTo(SealStatusPolicy.STATUS_UNAVAILABLE);
        assertThat(result.reason()).contains("signature does not verify");
    }

    @Test
    void unsignedAnswersAnswersAboutAnotherTimeOrSealAndErrorsAreIndeterminate() {
        ANSWERS.put("ES-UNSIGNED", (e, q) -> send(e, 200,
                "{\"esId\":\"ES-UNSIGNED\",\"status\":\"VALID\"}".getBytes(StandardCharsets.UTF_8), null));
        ANSWERS.put("ES-OTHER-TIME", (e, q) -> {
            byte[] body = "{\"esId\":\"ES-OTHER-TIME\",\"status\":\"VALID\",\"at\":\"2020-01-01T00:00:00.000Z\"}"
                    .getBytes(StandardCharsets.UTF_8);
            send(e, 200, body, sign(body));
        });
        ANSWERS.put("ES-OTHER-SEAL", (e, q) -> {
            byte[] body = "{\"esId\":\"ES-SOMEONE\",\"status\":\"VALID\"}".getBytes(StandardCharsets.UTF_8);
            send(e, 200, body, sign(body));
        });
        ANSWERS.put("ES-HUGE", (e, q) -> {
            byte[] body = new byte[100_000];
            send(e, 200, body, sign(body));
        });

        Map<String, String> expected = Map.of("ES-UNSIGNED", "not signed", "ES-OTHER-TIME", "another time",
                "ES-OTHER-SEAL", "another seal", "ES-HUGE", "more than", "ES-MISSING", "HTTP 404");
        expected.forEach((esId, why) -> {
            CheckResult result = source().status(esId, new SigningTime(SIGNED_AT, true));
            assertThat(result.verdict()).as(esId).isEqualTo(Verdict.INDETERMINATE);
            assertThat(result.reason()).as(esId).contains(why);
        });
    }

    @Test
    void anUnreachableStatusSystemIsIndeterminate() {
        CheckResult result = new HttpSealStatusSource(URI.create("http://127.0.0.1:1"), publicKey,
                Duration.ofSeconds(2)).status("ES-X", new SigningTime(SIGNED_AT, true));

        assertThat(result.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(result.code()).isEqualTo(SealStatusPolicy.STATUS_UNAVAILABLE);
    }
}
