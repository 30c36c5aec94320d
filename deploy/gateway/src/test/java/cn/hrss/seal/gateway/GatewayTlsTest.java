package cn.hrss.seal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** TLS from a PKCS#12 key store on the main port, plus the optional plain listener for local use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.ssl.enabled-protocols=TLSv1.3")
@org.junit.jupiter.api.Timeout(120)
class GatewayTlsTest {

    private static final EchoUpstream NODE = start();
    private static final TestKeyStore KEY_STORE = TestKeyStore.generate();

    @LocalServerPort
    int port;

    @Autowired
    PlainHttpListener plainListener;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("seal.gateway.node-uri", () -> NODE.uri().toString());
        registry.add("server.ssl.key-store", () -> KEY_STORE.file().toUri().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", KEY_STORE::password);
        // an ephemeral port for the plain listener: 0 would mean "off"
        registry.add("seal.gateway.plain-http.port", GatewayTlsTest::freePort);
    }

    @AfterAll
    static void stopNode() {
        NODE.close();
    }

    @Test
    void servesTls13WithHstsAndTellsTheNodeItWasHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(KEY_STORE.clientContext()).build();
        String target = "/api/v1/seal-status/" + UUID.randomUUID();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + target)).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession()).hasValueSatisfying(
                session -> assertThat(session.getProtocol()).isEqualTo("TLSv1.3"));
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=" + 365L * 24 * 3600);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        EchoUpstream.Recorded seen = NODE.received(target).orElseThrow();
        assertThat(seen.headers().get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(seen.headers().get("X-Forwarded-Port")).containsExactly(Integer.toString(port));
    }

    @Test
    void plainListenerServesTheSameRoutesWithoutHsts() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String target = "/verify/" + UUID.randomUUID();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + plainListener.port() + target)).build(), BodyHandlers.ofString());
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + plainListener.port() + "/nothing")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(NODE.received(target).orElseThrow().headers().get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void plainHttpOnTheTlsPortIsRefused() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String target = "/verify/" + UUID.randomUUID();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + target)).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
        } catch (IOException | InterruptedException expected) {
            // the TLS listener closes the connection: fine, as long as nothing was forwarded
        }
        assertThat(NODE.received(target)).isEmpty();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EchoUpstream start() {
        try {
            return new EchoUpstream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
