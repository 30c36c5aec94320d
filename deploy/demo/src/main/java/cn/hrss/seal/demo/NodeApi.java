package cn.hrss.seal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** JSON over HTTP with a node's REST API, as an operator's script would use it; one bearer token per instance. */
final class NodeApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Optional<String> token;

    NodeApi(HttpClient http, URI base) {
        this(http, base, Optional.empty());
    }

    private NodeApi(HttpClient http, URI base, Optional<String> token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    NodeApi as(String username, String password) {
        JsonNode login = post("/api/v1/auth/login", JSON.createObjectNode().put("username", username)
                .put("password", password), Set.of(200));
        return new NodeApi(http, base, Optional.of(login.get("token").asText()));
    }

    NodeApi asClient(String clientId, String secret) {
        JsonNode login = post("/api/v1/auth/client-token", JSON.createObjectNode().put("clientId", clientId)
                .put("clientSecret", secret), Set.of(200));
        return new NodeApi(http, base, Optional.of(login.get("token").asText()));
    }

    String token() {
        return token.orElseThrow();
    }

    JsonNode get(String path) {
        return send(request(path).GET(), Set.of(200));
    }

    byte[] getBytes(String path) {
        return raw(request(path).GET(), Set.of(200));
    }

    String getText(String path) {
        return new String(raw(request(path).GET(), Set.of(200)), StandardCharsets.UTF_8);
    }

    JsonNode post(String path, Object body) {
        return post(path, body, Set.of(200, 201, 202));
    }

    JsonNode post(String path, Object body, Set<Integer> expected) {
        try {
            byte[] json = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json)), expected);
        } catch (IOException e) {
            throw new DemoFailure("cannot write JSON for " + path + ": " + e.getMessage());
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new DemoFailure("not JSON: " + json);
        }
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private JsonNode send(HttpRequest.Builder request, Set<Integer> expected) {
        byte[] body = raw(request, expected);
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new DemoFailure("not JSON from " + base + ": " + new String(body, StandardCharsets.UTF_8));
        }
    }

    private byte[] raw(HttpRequest.Builder request, Set<Integer> expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<byte[]> r = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (!expected.contains(r.statusCode())) {
                throw new DemoFailure(built.method() + " " + built.uri() + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new DemoFailure(built.method() + " " + built.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }
}
