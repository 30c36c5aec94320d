package cn.hrss.seal.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the repackaged {@code seal-node.jar} the way an operator does ({@code java -jar ... --seal.data-dir=DIR}) as
 * a separate process, on the embedded defaults, and talks to it over HTTP. Runs in the integration-test phase.
 */
class NodeJarIT {
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]{43})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            stop(p);
        }
    }

    @Test
    void bootstrapAdminFromEnvironmentSurvivesARestart() throws Exception {
        Path dataDir = work.resolve("data");
        Map<String, String> env = Map.of("SEAL_BOOTSTRAP_ADMIN", "operator:Bootstrap9Admin");

        Node first = start(dataDir, env, "first.log");
        assertThat(first.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(first.login("operator", "Bootstrap9Admin").statusCode()).isEqualTo(200);
        assertThat(first.log()).contains("created system administrator 'operator'").doesNotContain("BOOTSTRAP:");
        String masterKey = Files.readString(dataDir.resolve("keys/master.key"));
        assertThat(dataDir.resolve("keys/soft-device.ks")).exists();
        stop(first.process);

        Node second = start(dataDir, env, "second.log");
        assertThat(second.login("operator", "Bootstrap9Admin").statusCode()).isEqualTo(200);
        assertThat(second.log()).doesNotContain("created system administrator")
                .doesNotContain("generated " + dataDir.resolve("keys/master.key"));
        assertThat(Files.readString(dataDir.resolve("keys/master.key"))).isEqualTo(masterKey);
    }

    @Test
    void withoutBootstrapVariableTheLoggedPasswordWorks() throws Exception {
        Node node = start(work.resolve("data"), Map.of(), "node.log");
        Matcher m = Pattern.compile("username: (\\S+)\\R.*password: (\\S+)").matcher(node.log());
        assertThat(m.find()).as("generated administrator in the log").isTrue();
        assertThat(node.login(m.group(1), m.group(2)).statusCode()).isEqualTo(200);
        assertThat(node.login(m.group(1), "Wrong9Password").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesToStartWithABootstrapPasswordThatBreaksTheRules() throws Exception {
        Path log = work.resolve("weak.log");
        Process p = launch(work.resolve("data"), Map.of("SEAL_BOOTSTRAP_ADMIN", "admin:weak"), log);
        assertThat(p.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("process exits by itself").isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("SEAL_BOOTSTRAP_ADMIN is not acceptable (WEAK_PASSWORD");
    }

    record Node(Process process, int port, Path logFile, HttpClient http) {
        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                assertThat(TOKEN.matcher(r.body()).find()).isTrue();
            }
            return r;
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }
    }

    private Process launch(Path dataDir, Map<String, String> env, Path log) throws IOException {
        return launch(dataDir, env, log, freePort());
    }

    private Process launch(Path dataDir, Map<String, String> env, Path log, int port) throws IOException {
        String jar = System.getProperty("seal.node.jar", "target/seal-node.jar");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and serial GC: a quicker start on a small CI machine; the jar and its arguments are as shipped
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar, "--server.port=" + port, "--seal.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the operator's environment is the test's own, minus any seal secrets that would change the scenario
        pb.environment().keySet().removeIf(k -> k.startsWith("SEAL_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private Node start(Path dataDir, Map<String, String> env, String logName) throws Exception {
        int port = freePort();
        Path log = work.resolve(logName);
        Process p = launch(dataDir, env, log, port);
        Node node = new Node(p, port, log, http);
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new AssertionError("node exited with " + p.exitValue() + ":\n" + node.log());
            }
            try {
                if (node.get("/actuator/health").statusCode() == 200) {
                    return node;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node not healthy within " + STARTUP + ":\n" + node.log());
    }

    private static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy(); // SIGTERM: graceful shutdown, as an operator's service manager would
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
