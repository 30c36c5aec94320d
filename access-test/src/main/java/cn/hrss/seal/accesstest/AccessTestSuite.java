package cn.hrss.seal.accesstest;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.message.HeaderLookup;
import cn.hrss.seal.core.message.InMemoryReplayGuard;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageHeaders;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerification;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import cn.hrss.seal.servicemgmt.api.AccessTestResult;
import cn.hrss.seal.servicemgmt.api.AccessTestResult.CaseResult;
import cn.hrss.seal.servicemgmt.api.AccessTestResult.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * The access-test suite (seed 003, 7.3.1): what a peer expects of a lower node's status and making interfaces,
 * positive and negative, before it lets the node connect. Every answer to a federation message must be signed with
 * the key of the node's published system certificate ({@code GET /ca/node.pem}); refusals must carry the protocol's
 * stable codes. The result names each case, what was expected and what the target did.
 */
final class AccessTestSuite {
    static final String NAME = "hrss-seal-access-test/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<MessageKind> ANSWERS = Set.of(MessageKind.RECEIPT, MessageKind.ERROR,
            MessageKind.STATUS_ANSWER);
    private static final String UNKNOWN_SEAL = "AT00000000000000000000001";
    /** What a node binds its answer to when the request had no usable nonce (docs/FEDERATION-PROTOCOL.md, 2). */
    private static final String NO_REQUEST_NONCE = "AAAAAAAAAAAAAAAAAAAAAA";

    private final HttpClient http;
    private final CipherDevice device;
    private final KeyRef testerKey;
    private final X509CertificateHolder testerCertificate;
    private final Clock clock;
    private final Strangers strangers;

    /** A throw-away identity nobody trusts, for the unknown-signer case. */
    interface Strangers {
        MessageSigner stranger();
    }

    AccessTestSuite(HttpClient http, CipherDevice device, KeyRef testerKey, X509CertificateHolder testerCertificate,
                    Clock clock, Strangers strangers) {
        this.http = http;
        this.device = device;
        this.testerKey = testerKey;
        this.testerCertificate = testerCertificate;
        this.clock = clock;
        this.strangers = strangers;
    }

    AccessTestResult run(URI target) {
        Instant started = clock.instant();
        MessageSigner tester = MessageSigner.of(device, testerKey, testerCertificate, clock);
        Run run = new Run(target.toString().replaceAll("/+$", ""));
        List<CaseResult> cases = new ArrayList<>();
        Optional<TrustedSigner> node = run.nodeCertificate(cases);
        run.statusCases(cases, node);
        run.messageCases(cases, node, tester);
        run.makingCases(cases, node, tester);
        boolean passed = cases.stream().allMatch(c -> c.outcome() == Outcome.PASSED);
        return new AccessTestResult(AccessTestResult.FORMAT, NAME, tester.signerId().hex(),
                new AccessTestResult.Target(run.base, node.map(n -> n.id().hex()).orElse(null)), started,
                clock.instant(), passed ? AccessTestResult.Verdict.PASSED : AccessTestResult.Verdict.FAILED, cases);
    }

    private final class Run {
        final String base;

        Run(String base) {
            this.base = base;
        }

        Optional<TrustedSigner> nodeCertificate(List<CaseResult> cases) {
            try {
                HttpResponse<String> r = http.send(get("/ca/node.pem"), HttpResponse.BodyHandlers.ofString());
                try (PEMParser pem = new PEMParser(new StringReader(r.body()))) {
                    Object first = pem.readObject();
                    if (r.statusCode() == 200 && first instanceof X509CertificateHolder c) {
                        TrustedSigner signer = TrustedSigner.of(c, false);
                        cases.add(pass("C01", "system certificate published at /ca/node.pem", "200, a PEM certificate",
                                "200, " + c.getSubject()));
                        return Optional.of(signer);
                    }
                }
                cases.add(fail("C01", "system certificate published at /ca/node.pem", "200, a PEM certificate",
                        r.statusCode() + ", no certificate"));
            } catch (IOException | RuntimeException e) {
                cases.add(fail("C01", "system certificate published at /ca/node.pem", "200, a PEM certificate",
                        "no answer: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        void statusCases(List<CaseResult> cases, Optional<TrustedSigner> node) {
            check(cases, "C02", "status of an unknown seal", "200, status UNKNOWN, Seal-Signature header", () -> {
                HttpResponse<String> r = http.send(get("/api/v1/seal-status/" + UNKNOWN_SEAL),
                        HttpResponse.BodyHandlers.ofString());
                String status = JSON.readTree(r.body()).path("status").asText();
                boolean signed = r.headers().firstValue("Seal-Signature").isPresent();
                return outcome(r.statusCode() == 200 && "UNKNOWN".equals(status) && signed,
                        r.statusCode() + ", status " + status + (signed ? ", signed" : ", unsigned"));
            });
            check(cases, "C03", "status of a malformed esID", "400 INVALID_ES_ID", () -> {
                HttpResponse<String> r = http.send(get("/api/v1/seal-status/bad%21id"),
                        HttpResponse.BodyHandlers.ofString());
                String code = code(r.body());
                return outcome(r.statusCode() == 400 && "INVALID_ES_ID".equals(code), r.statusCode() + " " + code);
            });
            check(cases, "C04", "signed seal revocation list", "200 with Seal-Signature", () -> {
                HttpResponse<byte[]> r = http.send(get("/api/v1/seal-status/revocation-list"),
                        HttpResponse.BodyHandlers.ofByteArray());
                boolean signed = r.headers().firstValue("Seal-Signature").isPresent();
                return outcome(r.statusCode() == 200 && signed && r.body().length > 0,
                        r.statusCode() + (signed ? ", signed" : ", unsigned") + ", " + r.body().length + " bytes");
            });
        }

        void messageCases(List<CaseResult> cases, Optional<TrustedSigner> node, MessageSigner tester) {
            byte[] query = ("{\"esId\":\"" + UNKNOWN_SEAL + "\"}").getBytes(StandardCharsets.UTF_8);
            check(cases, "C05", "signed status.query/1 about an unknown seal", "200 status.answer/1 signed, known=false",
                    () -> {
                        Probe p = send(node, tester, MessageKind.STATUS_QUERY, query, Tamper.NONE);
                        boolean ok = p.status == 200 && p.signed && MessageKind.STATUS_ANSWER.equals(p.kind)
                                && !p.body.path("known").asBoolean(true);
                        return outcome(ok, p.describe());
                    });
            expectRefusal(cases, "C06", "message without signature headers", node, tester, MessageKind.STATUS_QUERY,
                    query, Tamper.UNSIGNED, 400, "MESSAGE_MALFORMED");
            expectRefusal(cases, "C07", "body changed after signing", node, tester, MessageKind.STATUS_QUERY, query,
                    Tamper.BODY, 400, "MESSAGE_DIGEST_MISMATCH");
            expectRefusal(cases, "C08", "signature that does not verify", node, tester, MessageKind.STATUS_QUERY,
                    query, Tamper.SIGNATURE, 401, "MESSAGE_SIGNATURE_INVALID");
            check(cases, "C09", "the same signed message twice", "first 200, then 409 MESSAGE_REPLAYED", () -> {
                Probe first = send(node, tester, MessageKind.STATUS_QUERY, query, Tamper.REPLAY);
                return outcome(first.status == 409 && "MESSAGE_REPLAYED".equals(first.code) && first.signed,
                        "second delivery: " + first.describe());
            });
            MessageSigner stale = MessageSigner.of(device, testerKey, testerCertificate,
                    Clock.offset(clock, Duration.ofHours(-1)));
            expectRefusal(cases, "C10", "timestamp an hour old", node, stale, MessageKind.STATUS_QUERY, query,
                    Tamper.NONE, 401, "MESSAGE_CLOCK_SKEW");
            expectRefusal(cases, "C11", "signer the node does not trust", node, strangers.stranger(),
                    MessageKind.STATUS_QUERY, query, Tamper.NONE, 401, "MESSAGE_SIGNER_UNKNOWN");
            expectRefusal(cases, "C12", "message kind the node does not serve", node, tester,
                    new MessageKind("access-test.probe", 9), query, Tamper.NONE, 400, "MESSAGE_KIND_UNSUPPORTED");
            expectRefusal(cases, "C13", "malformed status.change/1", node, tester, MessageKind.STATUS_CHANGE,
                    "{\"esId\":1}".getBytes(StandardCharsets.UTF_8), Tamper.NONE, 400, "STATUS_CHANGE_INVALID");
        }

        void makingCases(List<CaseResult> cases, Optional<TrustedSigner> node, MessageSigner tester) {
            expectRefusal(cases, "C14", "malformed seal.code-request/1", node, tester, MessageKind.SEAL_CODE_REQUEST,
                    "{}".getBytes(StandardCharsets.UTF_8), Tamper.NONE, 400, "NATIONAL_MESSAGE_INVALID");
            byte[] unknownAnswer = ("{\"requestId\":\"" + UUID.randomUUID() + "\",\"sealId\":\"" + UUID.randomUUID()
                    + "\",\"requesterRegion\":\"650000\",\"esId\":\"GJ650000\",\"publicSecurityKey\":\"\","
                    + "\"publicSecuritySealInfo\":\"x\","
                    + "\"assignedAt\":\"" + clock.instant() + "\"}").getBytes(StandardCharsets.UTF_8);
            expectRefusal(cases, "C15", "national code for a request the node never made", node, tester,
                    MessageKind.SEAL_CODE_ASSIGNED, unknownAnswer, Tamper.NONE, 404, "NATIONAL_ROUTE_UNKNOWN");
        }

        private void expectRefusal(List<CaseResult> cases, String id, String title, Optional<TrustedSigner> node,
                                   MessageSigner signer, MessageKind kind, byte[] body, Tamper tamper, int status,
                                   String code) {
            check(cases, id, title, status + " " + code + ", signed message.error/1", () -> {
                Probe p = send(node, signer, kind, body, tamper);
                return outcome(p.status == status && code.equals(p.code) && p.signed
                        && MessageKind.ERROR.equals(p.kind), p.describe());
            });
        }

        private Probe send(Optional<TrustedSigner> node, MessageSigner signer, MessageKind kind, byte[] body,
                           Tamper tamper) throws IOException, InterruptedException {
            String path = "/federation/messages/" + kind.name() + "/" + kind.version();
            MessageContext.Request context = new MessageContext.Request("POST", path);
            SignedMessage signed = signer.sign(context, kind, UUID.randomUUID().toString(), body);
            Map<String, String> headers = new java.util.LinkedHashMap<>(signed.httpHeaders());
            byte[] sent = body;
            switch (tamper) {
                case UNSIGNED -> headers.clear();
                case BODY -> {
                    sent = body.clone();
                    sent[sent.length - 2] ^= 0x01;
                }
                case SIGNATURE -> {
                    byte[] der = Base64.getDecoder().decode(headers.get(MessageHeaders.SIGNATURE));
                    der[der.length - 1] ^= 0x01;
                    headers.put(MessageHeaders.SIGNATURE, Base64.getEncoder().encodeToString(der));
                }
                default -> {
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sent));
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (tamper == Tamper.REPLAY) {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            boolean verified = false;
            String kindSeen = response.headers().firstValue(MessageHeaders.KIND).orElse("");
            if (node.isPresent()) {
                MessageVerifier verifier = new MessageVerifier(TrustList.of(List.of(node.get())),
                        new InMemoryReplayGuard(100, clock), ANSWERS, Duration.ofMinutes(5), clock);
                verified = verifier.verify(new MessageContext.Response(response.statusCode(), context,
                                tamper == Tamper.UNSIGNED ? NO_REQUEST_NONCE : signed.headers().nonce()),
                        HeaderLookup.of(response.headers().map()), response.body())
                        instanceof MessageVerification.Accepted;
            }
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                json = JSON.createObjectNode();
            }
            return new Probe(response.statusCode(), json == null ? "" : json.path("code").asText(""), verified,
                    parseKind(kindSeen), json == null ? JSON.createObjectNode() : json);
        }

        private HttpRequest get(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build();
        }
    }

    private enum Tamper { NONE, UNSIGNED, BODY, SIGNATURE, REPLAY }

    private record Probe(int status, String code, boolean signed, MessageKind kind, JsonNode body) {
        String describe() {
            return status + (code.isEmpty() ? "" : " " + code) + ", " + (kind == null ? "no kind" : kind)
                    + (signed ? ", signed by the node" : ", NOT signed by the node's system key");
        }
    }

    private record Observed(boolean passed, String observed) {
    }

    @FunctionalInterface
    private interface Probing {
        Observed run() throws Exception;
    }

    private static void check(List<CaseResult> cases, String id, String title, String expected, Probing probing) {
        try {
            Observed o = probing.run();
            cases.add(new CaseResult(id, title, expected, o.observed(), o.passed() ? Outcome.PASSED : Outcome.FAILED));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cases.add(fail(id, title, expected, "interrupted"));
        } catch (Exception e) {
            cases.add(fail(id, title, expected, "no usable answer: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
        }
    }

    private static Observed outcome(boolean passed, String observed) {
        return new Observed(passed, observed);
    }

    private static CaseResult pass(String id, String title, String expected, String observed) {
        return new CaseResult(id, title, expected, observed, Outcome.PASSED);
    }

    private static CaseResult fail(String id, String title, String expected, String observed) {
        return new CaseResult(id, title, expected, observed, Outcome.FAILED);
    }

    private static MessageKind parseKind(String text) {
        try {
            return MessageKind.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String code(String body) {
        try {
            return JSON.readTree(body).path("code").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    static SignerId signerOf(X509CertificateHolder certificate) {
        return TrustedSigner.of(certificate, false).id();
    }
}
