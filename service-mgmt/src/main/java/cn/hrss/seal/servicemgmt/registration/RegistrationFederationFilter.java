package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.message.HeaderLookup;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageHeaders;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageProblem;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerification;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.ReplayGuard;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import cn.hrss.seal.servicemgmt.api.RegistrationApplication;
import cn.hrss.seal.servicemgmt.api.ServiceMgmtPaths;
import cn.hrss.seal.servicemgmt.api.SignedTrustList;
import cn.hrss.seal.servicemgmt.api.TrustListDocument;
import cn.hrss.seal.servicemgmt.trustlist.TrustListPublisher;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The bootstrap endpoints, answered before the federation filter because their callers are not in any trust
 * list yet: the application is signed with the key it registers, so the signer id must equal SM3 of the key in the
 * body and the message is verified (digest, signature, clock skew, nonce) against that key alone; the certificate
 * pull is verified against the key of that registration. Answers are signed with this node's system key like every
 * federation response. The trust list itself is served unsigned by transport: it carries its own signature.
 */
final class RegistrationFederationFilter extends OncePerRequestFilter {
    private static final Pattern CERTIFICATE = Pattern.compile("/federation/registrations/([0-9a-f-]{36})/certificate");
    private static final Instant EPOCH = Instant.EPOCH;
    private static final Instant FAR = Instant.parse("9999-12-31T23:59:59Z");

    private final RegistrationService registrations;
    private final AccessTestReportCheck accessTests;
    private final TrustListPublisher trustList;
    private final MessageSigner signer;
    private final ReplayGuard replayGuard;
    private final MessageVerifier nodeVerifier;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxBody;

    RegistrationFederationFilter(RegistrationService registrations, TrustListPublisher trustList, MessageSigner signer,
                                 ReplayGuard replayGuard, MessageVerifier nodeVerifier, ObjectMapper json, Clock clock,
                                 long maxBody, AccessTestReportCheck accessTests) {
        this.registrations = registrations;
        this.accessTests = accessTests;
        this.trustList = trustList;
        this.signer = signer;
        this.replayGuard = replayGuard;
        this.nodeVerifier = nodeVerifier;
        this.json = json;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.equals(ServiceMgmtPaths.TRUST_LIST) || uri.equals(ServiceMgmtPaths.APPLY)
                || CERTIFICATE.matcher(uri).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String uri = request.getRequestURI();
        if (uri.equals(ServiceMgmtPaths.TRUST_LIST)) {
            serveTrustList(request, response);
            return;
        }
        MessageContext.Request context = new MessageContext.Request(request.getMethod(),
                request.getQueryString() == null ? uri : uri + "?" + request.getQueryString());
        String nonce = request.getHeader(MessageHeaders.NONCE);
        String requestNonce = MessageHeaders.isWellFormedNonce(nonce) ? nonce : "AAAAAAAAAAAAAAAAAAAAAA";
        try {
            byte[] body = request.getInputStream().readNBytes((int) maxBody + 1);
            if (body.length > maxBody) {
                throw new SealException("MESSAGE_MALFORMED", 400, "body larger than " + maxBody);
            }
            HeaderLookup headers = name -> Collections.list(request.getHeaders(name));
            Matcher certificate = CERTIFICATE.matcher(uri);
            if (certificate.matches()) {
                answer(response, context, requestNonce, 200, pullCertificate(certificate.group(1), context, headers,
                        body, request.getMethod()));
            } else {
                answer(response, context, requestNonce, 202, apply(context, headers, body, request.getMethod()));
            }
        } catch (SealException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", e.code());
            error.put("message", e.getMessage());
            error.put("details", e.details());
            answer(response, context, requestNonce, e.httpStatus(), error);
        }
    }

    private Map<String, Object> apply(MessageContext.Request context, HeaderLookup headers, byte[] body,
                                      String method) {
        if (!"POST".equals(method)) {
            throw new SealException("HTTP_405", 405, "POST only");
        }
        kindMustBe(headers, MessageKind.REGISTRATION_APPLY);
        headersAndDigest(MessageKind.REGISTRATION_APPLY, context, headers, body);
        RegistrationApplication application = RegistrationApplication.parse(body);
        String claimed = single(headers, MessageHeaders.SIGNER);
        SignerId applicant = SignerId.of(application.publicKey());
        if (claimed != null && !claimed.equals(applicant.hex())) {
            throw new SealException("REGISTRATION_PROOF_MISMATCH", 401,
                    "the message signer is not the key applying for registration");
        }
        verify(application.publicKey(), MessageKind.REGISTRATION_APPLY, context, headers, body);
        accessTests.check(application);
        String id = registrations.apply(application, single(headers, MessageHeaders.MESSAGE_ID));
        return Map.of("registrationId", id, "status", registrations.find(id).status().name());
    }

    private Map<String, Object> pullCertificate(String id, MessageContext.Request context, HeaderLookup headers,
                                                byte[] body, String method) {
        if (!"GET".equals(method)) {
            throw new SealException("HTTP_405", 405, "GET only");
        }
        kindMustBe(headers, ServiceMgmtPaths.CERTIFICATE_PULL);
        Optional<Sm2PublicKey> key = registrations.registeredKey(id);
        if (key.isEmpty()) {
            throw SealException.notFound("REGISTRATION_NOT_FOUND", "no registration " + id);
        }
        verify(key.get(), ServiceMgmtPaths.CERTIFICATE_PULL, context, headers, body);
        byte[] der = registrations.certificateFor(id, SignerId.of(key.get()).hex());
        return Map.of("registrationId", id, "certificate", Base64.getEncoder().encodeToString(der));
    }

    /**
     * Steps 1-3 of the protocol (headers, kind, body digest) before the body is read: a verifier that trusts
     * nobody stops at step 4, before the nonce is recorded.
     */
    private void headersAndDigest(MessageKind kind, MessageContext.Request context, HeaderLookup headers,
                                  byte[] body) {
        MessageVerifier nobody = new MessageVerifier(id -> Optional.empty(), replayGuard, Set.of(kind),
                nodeVerifier.maxSkew(), clock);
        if (nobody.verify(context, headers, body) instanceof MessageVerification.Rejected rejected
                && rejected.problem() != MessageProblem.MESSAGE_SIGNER_UNKNOWN) {
            throw new SealException(rejected.problem().code(), rejected.problem().httpStatus(), rejected.reason());
        }
    }

    /** The federation checks with a trust list of exactly the one key this endpoint accepts. */
    private void verify(Sm2PublicKey key, MessageKind kind, MessageContext.Request context, HeaderLookup headers,
                        byte[] body) {
        TrustedSigner only = new TrustedSigner(SignerId.of(key), key, EPOCH, FAR, false, "applicant");
        MessageVerifier verifier = new MessageVerifier(TrustList.of(List.of(only)), replayGuard, Set.of(kind),
                nodeVerifier.maxSkew(), clock);
        if (verifier.verify(context, headers, body) instanceof MessageVerification.Rejected rejected) {
            throw new SealException(rejected.problem().code(), rejected.problem().httpStatus(), rejected.reason());
        }
    }

    private static void kindMustBe(HeaderLookup headers, MessageKind kind) {
        String declared = single(headers, MessageHeaders.KIND);
        if (declared != null && !declared.equals(kind.toString())) {
            throw new SealException("MESSAGE_KIND_UNSUPPORTED", 400, "this endpoint takes " + kind);
        }
    }

    private static String single(HeaderLookup headers, String name) {
        List<String> values = headers.values(name);
        return values.size() == 1 ? values.get(0) : null;
    }

    private void answer(HttpServletResponse response, MessageContext.Request context, String requestNonce,
                        int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        MessageKind kind = status >= 200 && status < 300 ? MessageKind.RECEIPT : MessageKind.ERROR;
        SignedMessage signed = signer.sign(new MessageContext.Response(status, context, requestNonce), kind,
                UUID.randomUUID().toString(), bytes);
        response.setStatus(status);
        response.setContentType("application/json");
        signed.httpHeaders().forEach(response::setHeader);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void serveTrustList(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SignedTrustList> latest = "GET".equals(request.getMethod()) ? trustList.latest() : Optional.empty();
        if (latest.isEmpty()) {
            response.setStatus("GET".equals(request.getMethod()) ? 404 : 405);
            return;
        }
        SignedTrustList list = latest.get();
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader(SignedTrustList.SIGNATURE_HEADER, Base64.getEncoder().encodeToString(list.signature()));
        response.setHeader(SignedTrustList.SIGNER_HEADER,
                TrustListDocument.parse(list.document()).signerCertId());
        response.setHeader(SignedTrustList.VERSION_HEADER, Long.toString(list.version()));
        response.setContentLength(list.document().length);
        response.getOutputStream().write(list.document());
    }
}
