package cn.hrss.seal.servicemgmt.parent;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.message.HeaderLookup;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageVerification;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.servicemgmt.NodeRegionProperties;
import cn.hrss.seal.servicemgmt.ServiceMgmtProperties;
import cn.hrss.seal.servicemgmt.api.ApplicantSigner;
import cn.hrss.seal.servicemgmt.api.ServiceMgmtPaths;
import cn.hrss.seal.servicemgmt.api.SystemKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lower side of registration: this node applies to its parent with its own system key (the one its federation
 * messages are signed with, so that approval makes them trusted), and later pulls the certificate the parent's seal
 * root issued. Both calls are signed messages; the parent's answers must verify against the parent's pulled trust
 * list, so a forged "approved" cannot be injected on the way.
 */
final class ParentRegistrations {
    static final String NO_PARENT = "PARENT_NOT_CONFIGURED";
    static final String NOT_APPLIED = "PARENT_REGISTRATION_NOT_FOUND";
    static final String INVALID = "PARENT_REGISTRATION_INVALID";
    static final String REFUSED = "PARENT_REFUSED";
    static final String UNREACHABLE = "PARENT_UNREACHABLE";
    static final String UNVERIFIED = "PARENT_ANSWER_UNVERIFIED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicantSigner signer;
    private final MessageVerifier answers;
    private final ServiceMgmtProperties properties;
    private final NodeRegionProperties node;
    private final ParentRegistrationStore store;
    private final HttpClient http;
    private final Clock clock;

    ParentRegistrations(ApplicantSigner signer, MessageVerifier answers, ServiceMgmtProperties properties,
                        NodeRegionProperties node, ParentRegistrationStore store, HttpClient http, Clock clock) {
        this.signer = signer;
        this.answers = answers.accepting(Set.of(MessageKind.RECEIPT, MessageKind.ERROR));
        this.properties = properties;
        this.node = node;
        this.store = store;
        this.http = http;
        this.clock = clock;
    }

    /** What the operator gives; the rest (address, tier, region, key) is this node's own. */
    record Request(String systemName, String organisation, Set<SystemKind> kinds, JsonNode accessTestReport) {
    }

    ParentRegistration apply(Request request) {
        URI parent = parent();
        if (request == null || request.kinds() == null || request.kinds().isEmpty() || request.accessTestReport() == null
                || !request.accessTestReport().isObject()) {
            throw SealException.badRequest(INVALID, "systemName, organisation, kinds and accessTestReport are required");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("systemName", request.systemName());
        body.put("organisation", request.organisation());
        request.kinds().stream().sorted().forEach(k -> body.withArray("kinds").add(k.name()));
        body.put("baseUrl", properties.baseUrl().toString());
        body.put("tier", node.tier().name());
        body.put("regionCode", node.regionCode());
        body.put("publicKey", HexFormat.of().formatHex(signer.publicKey().uncompressed()));
        body.set("accessTestReport", request.accessTestReport());
        JsonNode answer = call(parent, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY, bytes(body));
        String id = answer.path("registrationId").asText("");
        if (id.isEmpty() || id.length() > 64) {
            throw new SealException(UNVERIFIED, 502, "the parent's answer carries no registration id");
        }
        ParentRegistration applied = new ParentRegistration(id, parent.toString(), signer.signerId().toString(),
                ParentRegistration.Status.PENDING, clock.instant(), clock.instant(), null, null);
        store.insert(applied);
        return applied;
    }

    /** Asks the parent for the certificate of the latest application; PENDING stays PENDING while it is reviewed. */
    ParentRegistration refresh() {
        ParentRegistration latest = latest();
        URI parent = URI.create(latest.parentUrl());
        ParentRegistration checked;
        try {
            JsonNode answer = call(parent, "GET", ServiceMgmtPaths.certificate(latest.registrationId()),
                    ServiceMgmtPaths.CERTIFICATE_PULL, new byte[0]);
            checked = latest.checked(ParentRegistration.Status.APPROVED, clock.instant(), null,
                    answer.path("certificate").asText(null));
        } catch (SealException refused) {
            if (!REFUSED.equals(refused.code())) {
                throw refused;
            }
            Object code = refused.details().get("parentCode");
            boolean underReview = "PENDING".equals(refused.details().get("parentRegistrationStatus"));
            checked = latest.checked(underReview ? ParentRegistration.Status.PENDING
                    : ParentRegistration.Status.NOT_ACTIVE, clock.instant(), code + ": " + refused.getMessage(),
                    latest.certificate());
        }
        store.update(checked);
        return checked;
    }

    ParentRegistration latest() {
        return store.latest().orElseThrow(() -> SealException.notFound(NOT_APPLIED,
                "this node has not applied to its parent"));
    }

    private URI parent() {
        return Optional.ofNullable(properties.parent()).map(ServiceMgmtProperties.Parent::baseUrl)
                .orElseThrow(() -> new SealException(NO_PARENT, 409,
                        "seal.service-mgmt.parent.base-url is not set: this node has no parent"));
    }

    private JsonNode call(URI parent, String method, String path, MessageKind kind, byte[] body) {
        String target = URI.create(parent.toString().replaceAll("/+$", "") + path).getRawPath()
                + Optional.ofNullable(URI.create(parent + path).getRawQuery()).map(q -> "?" + q).orElse("");
        MessageContext.Request context = new MessageContext.Request(method, target);
        SignedMessage signed = signer.sign(context, kind, UUID.randomUUID().toString(), body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(parent.toString().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        signed.httpHeaders().forEach(request::header);
        request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SealException(UNREACHABLE, 502, "the parent " + parent + " did not answer: " + e.getMessage(),
                    Map.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealException(UNREACHABLE, 503, "interrupted while calling the parent", Map.of(), e);
        }
        MessageVerification verdict = answers.verify(new MessageContext.Response(response.statusCode(), context,
                signed.headers().nonce()), HeaderLookup.of(response.headers().map()), response.body());
        if (!(verdict instanceof MessageVerification.Accepted)) {
            throw new SealException(UNVERIFIED, 502, "the parent's answer does not verify against its trust list: "
                    + verdict, Map.of(), null);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String code = answer.path("code").asText("HTTP_" + response.statusCode());
            throw new SealException(REFUSED, 422, answer.path("message").asText("refused"),
                    Map.of("parentCode", code, "parentStatus", response.statusCode(),
                            "parentRegistrationStatus", answer.path("details").path("status").asText("")), null);
        }
        return answer;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SealException(UNVERIFIED, 502, "the parent's answer is not JSON", Map.of(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
