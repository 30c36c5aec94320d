package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.message.InMemoryReplayGuard;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageVerification;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.FederationPaths;
import cn.hrss.seal.federation.api.FederationResponse;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiving side over real HTTP: every answer, errors included, is signed and bound to its request. */
class FederationHttpTest {
    private static final String PATH = FederationPaths.messagePath(MessageKind.STATUS_CHANGE);
    private static final byte[] BODY = "{\"esId\":\"11010000000000012026000000000001\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    private static CipherDevice device;
    private static TestNode city;
    private static TestNode parent;
    private static TestNode stranger;
    private static TestDatabase parentDb;
    private static ConfigurableApplicationContext receiver;
    private static final TestNode.Received received = new TestNode.Received();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startParent() {
        device = new SoftCipherDevice(dir.resolve("keys.sks"), new SecureRandom().generateSeed(16),
                "test-device-password".toCharArray());
        city = new TestNode("city", device, Clock.systemUTC());
        parent = new TestNode("parent", device, Clock.systemUTC());
        stranger = new TestNode("stranger", device, Clock.systemUTC());
        parentDb = TestDatabase.h2();
        receiver = TestNode.receiver(parent, TrustList.of(List.of(city.trusted())), parentDb, received);
    }

    @AfterAll
    static void stop() {
        receiver.close();
        parentDb.close();
        device.close();
    }

    private record Answer(int status, VerifiedMessage message) {
        String text() {
            return new String(message.body(), StandardCharsets.UTF_8);
        }
    }

    /** POSTs and insists that the answer is signed by the parent for this request. */
    private static Answer post(String path, Map<String, String> headers, byte[] body, String requestNonce)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(TestNode.baseUri(receiver).resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        MessageVerifier verifier = new MessageVerifier(TrustList.of(List.of(parent.trusted())),
                new InMemoryReplayGuard(100, Clock.systemUTC()), MessageKind.KNOWN, Duration.ofMinutes(5),
                Clock.systemUTC());
        MessageVerification result = verifier.verify(new MessageContext.Response(response.statusCode(),
                new MessageContext.Request("POST", path), requestNonce),
                name -> response.headers().allValues(name), response.body());
        assertThat(result).as(result.toString()).isInstanceOf(MessageVerification.Accepted.class);
        return new Answer(response.statusCode(), ((MessageVerification.Accepted) result).message());
    }

    private static SignedMessage signed(TestNode node, String path, byte[] body) {
        return node.signer.sign(new MessageContext.Request("POST", path), MessageKind.STATUS_CHANGE,
                UUID.randomUUID().toString(), body);
    }

    @Test
    void anUnsignedRequestGetsASignedMalformedAnswer() throws Exception {
        Answer answer = post(PATH, Map.of(), BODY, "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message().kind()).isEqualTo(MessageKind.ERROR);
        assertThat(answer.text()).contains("\"code\":\"MESSAGE_MALFORMED\"").contains("missing header");
    }

    @Test
    void aChangedBodyIsRefusedWithASignedAnswerBoundToTheRequest() throws Exception {
        SignedMessage m = signed(city, PATH, BODY);
        byte[] other = "{\"esId\":\"11010000000000012026000000000002\"}".getBytes(StandardCharsets.UTF_8);
        Answer answer = post(PATH, m.httpHeaders(), other, m.headers().nonce());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("MESSAGE_DIGEST_MISMATCH");
    }

    @Test
    void anUntrustedSignerIsUnknown() throws Exception {
        SignedMessage m = signed(stranger, PATH, BODY);
        Answer answer = post(PATH, m.httpHeaders(), BODY, m.headers().nonce());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text()).contains("MESSAGE_SIGNER_UNKNOWN");
    }

    @Test
    void aReplayedRequestIsRefused() throws Exception {
        SignedMessage m = signed(city, PATH, BODY);
        Answer first = post(PATH, m.httpHeaders(), BODY, m.headers().nonce());
        Answer again = post(PATH, m.httpHeaders(), BODY, m.headers().nonce());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.message().kind()).isEqualTo(MessageKind.RECEIPT);
        assertThat(first.text()).contains(m.headers().messageId());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("MESSAGE_REPLAYED");
    }

    @Test
    void aPathWithoutHandlerStillGetsASignedAnswer() throws Exception {
        String path = "/federation/messages/no.such-kind/1";
        SignedMessage m = signed(city, path, BODY);
        Answer answer = post(path, m.httpHeaders(), BODY, m.headers().nonce());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.message().kind()).isEqualTo(MessageKind.ERROR);
        assertThat(answer.text()).contains("HTTP_404");
    }

    @Test
    void anOversizedBodyIsMalformed() throws Exception {
        Answer answer = post(PATH, Map.of(), new byte[1024 * 1024 + 1], "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("MESSAGE_MALFORMED").contains("body larger than");
    }

    @Test
    void theClientAndTheScheduledDispatcherOfASenderNodeGetThrough() throws Exception {
        try (TestDatabase cityDb = TestDatabase.h2();
             ConfigurableApplicationContext sender = TestNode.sender(city, TrustList.of(List.of(parent.trusted())),
                     cityDb, Clock.systemUTC(), new AtomicReference<>(TestNode.baseUri(receiver)),
                     Map.of("seal.federation.outbox.dispatcher-enabled", "true",
                             "seal.federation.outbox.poll-interval", "100ms"))) {
            FederationResponse response = sender.getBean(FederationClient.class)
                    .send(TestNode.PARENT, MessageKind.STATUS_CHANGE, "direct-1", BODY);
            assertThat(response.successful()).isTrue();
            assertThat(response.message().signer().id()).isEqualTo(parent.signer.signerId());
            assertThat(new String(response.message().body(), StandardCharsets.UTF_8)).contains("direct-1");

            byte[] queued = "{\"esId\":\"11010000000000012026000000000077\"}".getBytes(StandardCharsets.UTF_8);
            sender.getBean(Outbox.class).enqueue(TestNode.PARENT, MessageKind.STATUS_CHANGE, queued);
            Instant deadline = Instant.now().plusSeconds(20);
            while (!received.firstDeliveries.contains(new String(queued, StandardCharsets.UTF_8))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(received.firstDeliveries).contains(new String(queued, StandardCharsets.UTF_8));
        }
    }
}
