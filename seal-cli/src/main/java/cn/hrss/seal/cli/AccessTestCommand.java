package cn.hrss.seal.cli;

import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seal access-test}: an upper node's administrator runs the access-test suite against a lower system from
 * the command line. The node runs it with its own system key (the key the lower system trusts) and signs the report;
 * this command prints each case and saves the signed report the lower system applies with (docs/ACCESS-TEST.md).
 * Exit status 0 when every case passed, 1 when one failed.
 */
@Command(name = "access-test", mixinStandardHelpOptions = true,
        description = "Runs the access test of a lower system from an upper node and saves the signed report.")
final class AccessTestCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "SEAL_NODE_PASSWORD";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--node", required = true, paramLabel = "URL", description = "the upper node that tests")
    URI node;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "a system administrator there")
    String user;

    @Option(names = "--password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "the administrator's password; default: environment variable " + PASSWORD_ENV)
    char[] password;

    @Option(names = "--target", required = true, paramLabel = "URL", description = "base URL of the tested system")
    String target;

    @Option(names = "--report", paramLabel = "FILE", description = "where to save the signed report (JSON)")
    Path report;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws IOException, InterruptedException {
        String secret = password != null ? new String(password) : System.getenv(PASSWORD_ENV);
        if (secret == null) {
            throw new UsageException("give --password or set " + PASSWORD_ENV);
        }
        String token = post("/api/v1/auth/login", null, Map.of("username", user, "password", secret))
                .path("token").asText();
        JsonNode run = post("/api/v1/access-tests", token, Map.of("targetBaseUrl", target));
        PrintWriter out = spec.commandLine().getOut();
        out.println("access test " + run.path("id").asText() + " of " + target + ": " + run.path("verdict").asText());
        for (JsonNode c : run.path("cases")) {
            out.printf("  %-4s %-7s %s%n       expected: %s%n       observed: %s%n", c.path("id").asText(),
                    c.path("outcome").asText(), c.path("title").asText(), c.path("expected").asText(),
                    c.path("observed").asText());
        }
        if (report != null) {
            Files.write(report, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(run.path("report")));
            out.println("signed report saved to " + report);
        }
        out.flush();
        return "PASSED".equals(run.path("verdict").asText()) ? ExitCodes.PASSED : ExitCodes.FAILED;
    }

    private JsonNode post(String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.toString().replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SealException("NODE_UNREACHABLE", 503, node + " did not answer: " + e.getMessage());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = JSON.createObjectNode();
        }
        if (response.statusCode() / 100 != 2) {
            throw new SealException(answer.path("code").asText("HTTP_" + response.statusCode()),
                    response.statusCode(), answer.path("message").asText("the node refused"));
        }
        return answer;
    }
}
