package cn.hrss.seal.console.node;

import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The node's contract API as the console calls it. A 4xx/5xx answer becomes a {@link SealException} with the
 * answer's stable code, status and details, so pages can show the node's own reason; an unreachable API is
 * a {@code ResourceAccessException}, which the console's error pages show as unavailable.
 */
public class NodeApi {
    private final RestClient.Builder builder;
    private final ObjectMapper json;
    private volatile RestClient http;

    public NodeApi(RestClient.Builder builder, ObjectMapper json, URI configured) {
        this.builder = builder;
        this.json = json;
        if (configured != null) {
            this.http = client(configured);
        }
    }

    /** Without a configured URL the console calls this node's own connector over the loopback interface. */
    @EventListener
    void on(WebServerInitializedEvent event) {
        if (http == null && event.getApplicationContext().getServerNamespace() == null) {
            http = client(URI.create("http://127.0.0.1:" + event.getWebServer().getPort()));
        }
    }

    private RestClient client(URI base) {
        return builder.clone().baseUrl(base.toString()).defaultStatusHandler(s -> s.isError(), this::fail).build();
    }

    /** Password login; the node applies its lockout and records the attempt. */
    public NodeSession login(String username, String password) {
        JsonNode issued = http().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password)).retrieve().body(JsonNode.class);
        String token = issued.path("token").asText();
        SealPrincipal principal = http().get().uri("/api/v1/auth/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(SealPrincipal.class);
        return new NodeSession(principal, token);
    }

    public void logout(NodeSession session) {
        http().post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, bearer(session))
                .retrieve().toBodilessEntity();
    }

    public <T> T get(NodeSession session, Function<UriBuilder, URI> uri, Class<T> type) {
        return http().get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(session)).retrieve().body(type);
    }

    public <T> T get(NodeSession session, Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return http().get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(session)).retrieve().body(type);
    }

    public byte[] bytes(NodeSession session, Function<UriBuilder, URI> uri) {
        return http().get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(session)).retrieve()
                .body(byte[].class);
    }

    /** Posts a JSON body and reads the JSON answer as a map of the contract's fields. */
    public Map<String, Object> post(NodeSession session, Function<UriBuilder, URI> uri, Object body) {
        Map<String, Object> answer = http().post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(session))
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        return answer == null ? Map.of() : answer;
    }

    private RestClient http() {
        RestClient client = http;
        if (client == null) {
            throw new SealException("NODE_API_UNAVAILABLE", 503, "the node's API is not started yet");
        }
        return client;
    }

    private static String bearer(NodeSession session) {
        return "Bearer " + session.token();
    }

    private void fail(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode body;
        try {
            body = json.readTree(response.getBody());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.hasNonNull("code")) {
            throw new SealException("NODE_API_ERROR", status, "the node's API answered " + status);
        }
        Map<String, Object> details = body.has("details")
                ? json.convertValue(body.get("details"), json.getTypeFactory().constructMapType(LinkedHashMap.class,
                String.class, Object.class))
                : Map.of();
        throw new SealException(body.get("code").asText(), status, body.path("message").asText(),
                details == null ? Map.of() : details, null);
    }
}
