package cn.hrss.seal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the repackaged {@code seal-gateway.jar} as an operator does ({@code java -jar seal-gateway.jar
 * --seal.gateway.node-uri=... --server.port=... --server.ssl...}) in front of an echo server. Integration-test phase.
 */
class GatewayJarIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    @TempDir
    Path work;

    private EchoUpstream node;
    private Process gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theJarProxiesOverTlsToTheNode() throws Exception {
        node = new EchoUpstream();
        TestKeyStore keyStore = TestKeyStore.generate();
        int port = freePort();
        Path log = work.resolve("gateway.log");
        String jar = System.getProperty("seal.gateway.jar", "target/seal-gateway.jar");
        gateway = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "--seal.gateway.node-uri=" + node.uri(),
                "--server.port=" + port,
                "--server.ssl.key-store=" + keyStore.file().toUri(),
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + keyStore.password()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).sslContext(keyStore.clientContext()).build();
        URI base = URI.create("https://localhost:" + port);
        awaitStarted(client, base, log);

        String target = "/federation/messages/status.change/1?id=" + UUID.randomUUID();
        byte[] body = "{ \"seal\" : \"印章\" }".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve(target))
                .header("Seal-Signer", "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(node.received(target).orElseThrow().body()).isEqualTo(body);
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(base.resolve("/internal")).build(),
                BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    private void awaitStarted(HttpClient client, URI base, Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(gateway.isAlive()).as("gateway exited:%n%s", read(log)).isTrue();
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(base.resolve("/actuator/health")).build(), BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("gateway did not start within " + STARTUP + ":\n" + read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
