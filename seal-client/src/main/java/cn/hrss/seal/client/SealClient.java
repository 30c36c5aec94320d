package cn.hrss.seal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Client of a seal node's HTTP API for business systems (paths and JSON of API-CONTRACT.md). Thread-safe: one
 * instance per node, shared. Log in once with {@link #loginClient} (API clients; the token is renewed once on a
 * 401) or {@link #loginUser}; every call then carries the bearer token. Errors are {@link SealApiException}s.
 */
public final class SealClient {
    private static final String JSON = "application/json";
    private static final String SIGNATURE_LIST = "application/vnd.hrss.ses-signature-list+der";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    private final Object loginLock = new Object();
    private volatile String token;
    private volatile Supplier<String> relogin;

    private SealClient(Builder builder) {
        String base = Objects.requireNonNull(builder.baseUrl, "baseUrl").toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.timeout = builder.timeout;
        this.http = builder.httpClient != null ? builder.httpClient
                : HttpClient.newBuilder().connectTimeout(builder.timeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private URI baseUrl;
        private HttpClient httpClient;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The node, e.g. {@code https://seal.example.gov.cn}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = URI.create(baseUrl);
            return this;
        }

        /** Per-request timeout (default 60 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Bring your own client (TLS settings, proxy); default: a new one. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public SealClient build() {
            return new SealClient(this);
        }
    }

    // ---------------------------------------------------------------- authentication

    /** {@code POST /api/v1/auth/login}; the token is used for later calls (not renewed: users log in again). */
    public void loginUser(String username, String password) {
        synchronized (loginLock) {
            relogin = null;
            token = tokenOf(post("/api/v1/auth/login", Map.of("username", username, "password", password), false));
        }
    }

    /** {@code POST /api/v1/auth/client-token}; on a later 401 the token is fetched again once and the call retried. */
    public void loginClient(String clientId, String clientSecret) {
        Supplier<String> login = () -> tokenOf(post("/api/v1/auth/client-token",
                Map.of("clientId", clientId, "clientSecret", clientSecret), false));
        synchronized (loginLock) {
            token = login.get();
            relogin = login;
        }
    }

    // ---------------------------------------------------------------- business signing (standing authorisation)

    /** {@code POST /api/v1/sign/pdf}: the signed PDF. */
    public byte[] signPdf(String esId, String purpose, byte[] pdf, Placement placement) {
        return signDocument("/api/v1/sign/pdf", esId, purpose, "document.pdf", "application/pdf", pdf, placement);
    }

    /** {@code POST /api/v1/sign/ofd}: the signed OFD. */
    public byte[] signOfd(String esId, String purpose, byte[] ofd, Placement placement) {
        return signDocument("/api/v1/sign/ofd", esId, purpose, "document.ofd", "application/ofd", ofd, placement);
    }

    /** {@code POST /api/v1/sign/data} with the data: a detached SES_Signature (DER). */
    public byte[] signData(String esId, String purpose, byte[] data) {
        return send(() -> multipart(new Multipart().field("esId", esId).field("purpose", purpose)
                .file("file", "data.bin", "application/octet-stream", data), "/api/v1/sign/data")).body();
    }

    /** {@code POST /api/v1/sign/data} with only the 32-byte SM3 digest of the data (sent as hex). */
    public byte[] signDigest(String esId, String purpose, byte[] sm3) {
        if (sm3.length != 32) {
            throw new IllegalArgumentException("an SM3 digest is 32 bytes");
        }
        return send(() -> multipart(new Multipart().field("esId", esId).field("purpose", purpose)
                .field("sm3", HexFormat.of().formatHex(sm3)), "/api/v1/sign/data")).body();
    }

    /**
     * {@code POST /api/v1/sign/data/batch}: detached SES_Signatures (DER) over up to 500 SM3 digests in one call, in
     * their order. One authorisation check, one daily-limit count for all (all or none), one audit record.
     *
     * @param timeStamped whether each signature carries the node TSA's RFC 3161 token (otherwise the signing time
     *                    is proven by the node's evidence receipt for the batch)
     */
    public List<byte[]> signDigests(String esId, String purpose, List<byte[]> sm3, boolean timeStamped) {
        HexFormat hex = HexFormat.of();
        List<String> digests = sm3.stream().map(d -> {
            if (d.length != 32) {
                throw new IllegalArgumentException("an SM3 digest is 32 bytes");
            }
            return hex.formatHex(d);
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esId", esId);
        body.put("purpose", purpose);
        body.put("sm3", digests);
        body.put("timeStamp", timeStamped);
        byte[] request = write(body);
        byte[] list = send(() -> authorised(HttpRequest.newBuilder(uri("/api/v1/sign/data/batch"))
                .header("Accept", SIGNATURE_LIST).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))).build()).body();
        List<byte[]> signatures = DerList.elements(list);
        if (signatures.size() != digests.size()) {
            throw new SealApiException("CLIENT_BAD_RESPONSE", 0, "asked for " + digests.size() + " signatures, got "
                    + signatures.size(), null, null);
        }
        return signatures;
    }

    // ---------------------------------------------------------------- verification

    /** {@code POST /api/v1/verify}: a signed PDF or OFD. */
    public VerificationReport verify(byte[] document) {
        return verify(document, null);
    }

    /** {@code POST /api/v1/verify}: a detached SES_Signature with its data (or a document when data is null). */
    public VerificationReport verify(byte[] signedOrSignature, byte[] data) {
        return read(send(() -> verifyRequest(signedOrSignature, data, JSON)).body(), VerificationReport.class);
    }

    /** The same report rendered as PDF by the node ({@code Accept: application/pdf}). */
    public byte[] verifyPdfReport(byte[] signedOrSignature, byte[] data) {
        return send(() -> verifyRequest(signedOrSignature, data, "application/pdf")).body();
    }

    // ---------------------------------------------------------------- sign requests (reviewed use)

    public SignRequest createSignRequest(String esId, String purpose, List<SignRequest.Document> documents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esId", esId);
        body.put("purpose", purpose);
        body.put("documents", documents.stream().map(SignRequest.Document::json).toList());
        return read(post("/api/v1/sign-requests", body, true).body(), SignRequest.class);
    }

    public SignRequest signRequest(String id) {
        return read(get("/api/v1/sign-requests/" + segment(id), JSON).body(), SignRequest.class);
    }

    public SignRequest approveSignRequest(String id, String opinion) {
        return read(post("/api/v1/sign-requests/" + segment(id) + "/approve", opinion(opinion), true).body(),
                SignRequest.class);
    }

    public SignRequest rejectSignRequest(String id, String opinion) {
        return read(post("/api/v1/sign-requests/" + segment(id) + "/reject", opinion(opinion), true).body(),
                SignRequest.class);
    }

    public SignRequest signSignRequest(String id) {
        return read(post("/api/v1/sign-requests/" + segment(id) + "/sign", null, true).body(), SignRequest.class);
    }

    /** {@code GET /api/v1/sign-requests/{id}/documents/{index}}: the signed document (or SES_Signature). */
    public byte[] signedDocument(String id, int index) {
        return get("/api/v1/sign-requests/" + segment(id) + "/documents/" + index, "*/*").body();
    }

    // ---------------------------------------------------------------- authorisations

    public Authorisation grantAuthorisation(String clientId, String esId, List<String> purposes,
                                            OffsetDateTime validUntil, int dailyLimit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("esId", esId);
        body.put("purposes", purposes);
        body.put("validUntil", validUntil.toString());
        body.put("dailyLimit", dailyLimit);
        return read(post("/api/v1/authorisations", body, true).body(), Authorisation.class);
    }

    public Authorisation revokeAuthorisation(String id) {
        return read(post("/api/v1/authorisations/" + segment(id) + "/revoke", null, true).body(),
                Authorisation.class);
    }

    // ---------------------------------------------------------------- seal status (public)

    /** {@code GET /api/v1/seal-status/{esId}} now. */
    public SealStatus sealStatus(String esId) {
        return sealStatus(esId, null);
    }

    /** {@code GET /api/v1/seal-status/{esId}?at=T}. */
    public SealStatus sealStatus(String esId, Instant at) {
        String path = "/api/v1/seal-status/" + segment(esId)
                + (at == null ? "" : "?at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = get(path, JSON);
        JsonNode node = read(response.body(), JsonNode.class);
        return new SealStatus(node.path("esId").asText(null), node.path("status").asText(null),
                time(node, "since"), node.path("reason").asText(null), time(node, "checkedAt"), response.body(),
                response.headers().firstValue("Seal-Signature").orElse(null),
                response.headers().firstValue("Seal-Signer").orElse(null));
    }

    // ---------------------------------------------------------------- plumbing

    private byte[] signDocument(String path, String esId, String purpose, String fileName, String type,
                                byte[] content, Placement placement) {
        return send(() -> {
            Multipart form = new Multipart().field("esId", esId).field("purpose", purpose);
            placement.formFields().forEach(form::field);
            return multipart(form.file("file", fileName, type, content), path);
        }).body();
    }

    private HttpRequest verifyRequest(byte[] file, byte[] data, String accept) {
        Multipart form = new Multipart().file("file", "document", "application/octet-stream", file);
        if (data != null) {
            form.file("data", "data", "application/octet-stream", data);
        }
        return authorised(HttpRequest.newBuilder(uri("/api/v1/verify")).header("Accept", accept)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.build()))).build();
    }

    private HttpRequest multipart(Multipart form, String path) {
        return authorised(HttpRequest.newBuilder(uri(path)).header("Accept", "*/*")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.build()))).build();
    }

    private HttpResponse<byte[]> get(String path, String accept) {
        return send(() -> authorised(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET()).build());
    }

    private HttpResponse<byte[]> post(String path, Object body, boolean authorised) {
        Supplier<HttpRequest> request = () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", JSON)
                    .header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(write(body)));
            return (authorised ? authorised(b) : b).build();
        };
        return authorised ? send(request) : exchange(request.get());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder b) {
        String current = token;
        return current == null ? b : b.header("Authorization", "Bearer " + current);
    }

    /** Sends; on a 401 with a renewable client token, logs in again once and resends. */
    private HttpResponse<byte[]> send(Supplier<HttpRequest> request) {
        String used = token;
        try {
            return exchange(request.get());
        } catch (SealApiException e) {
            Supplier<String> login = relogin;
            if (e.httpStatus() != 401 || login == null) {
                throw e;
            }
            synchronized (loginLock) {
                if (Objects.equals(token, used)) {
                    token = login.get();
                }
            }
            return exchange(request.get());
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SealApiException("CLIENT_IO", 0, request.method() + " " + request.uri() + ": " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealApiException("CLIENT_IO", 0, "interrupted", null, e);
        }
        if (response.statusCode() >= 400) {
            throw error(response);
        }
        return response;
    }

    private SealApiException error(HttpResponse<byte[]> response) {
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("code")) {
                Map<String, Object> details = body.has("details") && body.get("details").isObject()
                        ? json.convertValue(body.get("details"), MAP) : Map.of();
                return new SealApiException(body.get("code").asText(), response.statusCode(),
                        body.path("message").asText(""), details, null);
            }
        } catch (IOException | RuntimeException e) {
            // not the error format: fall through
        }
        return new SealApiException("HTTP_" + response.statusCode(), response.statusCode(),
                "HTTP " + response.statusCode() + " without an error body", null, null);
    }

    private String tokenOf(HttpResponse<byte[]> response) {
        String value = read(response.body(), JsonNode.class).path("token").asText("");
        if (value.isEmpty()) {
            throw new SealApiException("CLIENT_BAD_RESPONSE", response.statusCode(), "login answer has no token",
                    null, null);
        }
        return value;
    }

    private static Map<String, Object> opinion(String opinion) {
        return Map.of("opinion", opinion);
    }

    private byte[] write(Object body) {
        try {
            return body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        }
    }

    private <T> T read(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new SealApiException("CLIENT_BAD_RESPONSE", 0, "unreadable " + type.getSimpleName() + ": "
                    + e.getMessage(), null, e);
        }
    }

    private static OffsetDateTime time(JsonNode node, String member) {
        return node.hasNonNull(member) ? OffsetDateTime.parse(node.get(member).asText()) : null;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
