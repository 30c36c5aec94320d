package cn.hrss.seal.federation.inbound;

import cn.hrss.seal.core.message.HeaderLookup;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageHeaders;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageProblem;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerification;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.SignedMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Guards {@code /federation/**}: verifies every request before any controller sees it and signs every response,
 * errors included, bound to the request it answers. Rejections are answered with the stable MESSAGE_* code in the
 * project's error body, signed like any other response.
 */
final class SignedMessageFilter extends OncePerRequestFilter {
    static final String VERIFIED_MESSAGE = SignedMessageFilter.class.getName() + ".verifiedMessage";
    /** Binds responses to requests whose nonce was unusable (see docs/FEDERATION-PROTOCOL.md). */
    static final String NO_REQUEST_NONCE = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final MessageContext.Request UNUSABLE_REQUEST_LINE = new MessageContext.Request("POST", "/");
    private static final Logger log = LoggerFactory.getLogger(SignedMessageFilter.class);

    private final MessageVerifier verifier;
    private final MessageSigner signer;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    SignedMessageFilter(MessageVerifier verifier, MessageSigner signer, ObjectMapper json, long maxBodyBytes) {
        this.verifier = verifier;
        this.signer = signer;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MessageContext.Request context = requestLine(request);
        String requestNonce = usableNonce(request.getHeader(MessageHeaders.NONCE));
        byte[] body = readBounded(request.getInputStream());
        if (context == null || body == null) {
            String reason = context == null ? "request method or target unusable" : "body larger than " + maxBodyBytes;
            reject(response, context == null ? UNUSABLE_REQUEST_LINE : context, requestNonce,
                    MessageProblem.MESSAGE_MALFORMED, reason);
            return;
        }
        HeaderLookup headers = name -> Collections.list(request.getHeaders(name));
        MessageVerification result = verifier.verify(context, headers, body);
        if (result instanceof MessageVerification.Rejected rejected) {
            log.info("rejected federation message {} {}: {} {}", context.method(), context.target(),
                    rejected.problem(), rejected.reason());
            reject(response, context, requestNonce, rejected.problem(), rejected.reason());
            return;
        }
        request.setAttribute(VERIFIED_MESSAGE, ((MessageVerification.Accepted) result).message());
        SigningResponseWrapper wrapped = new SigningResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), wrapped);
        } catch (IOException | ServletException | RuntimeException e) {
            log.error("federation handler failed for {} {}", context.method(), context.target(), e);
            wrapped.resetBuffer();
            wrapped.setStatus(500);
            wrapped.getOutputStream().write(errorBody("FEDERATION_INTERNAL_ERROR", "the handler failed"));
        }
        if (wrapped.errorStatus() != null && wrapped.getContentSize() == 0) {
            wrapped.getOutputStream().write(errorBody("HTTP_" + wrapped.errorStatus(),
                    wrapped.errorMessage() == null ? "request failed" : wrapped.errorMessage()));
        }
        int status = wrapped.getStatus();
        MessageKind kind = responseKind(wrapped.getHeader(MessageHeaders.KIND), status);
        SignedMessage signed = signer.sign(new MessageContext.Response(status, context, requestNonce), kind,
                UUID.randomUUID().toString(), wrapped.getContentAsByteArray());
        signed.httpHeaders().forEach(response::setHeader);
        wrapped.copyBodyToResponse();
    }

    private void reject(HttpServletResponse response, MessageContext.Request context, String requestNonce,
                        MessageProblem problem, String reason) throws IOException {
        byte[] body = errorBody(problem.code(), reason);
        SignedMessage signed = signer.sign(new MessageContext.Response(problem.httpStatus(), context, requestNonce),
                MessageKind.ERROR, UUID.randomUUID().toString(), body);
        response.setStatus(problem.httpStatus());
        response.setContentType("application/json");
        signed.httpHeaders().forEach(response::setHeader);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The project's error body {@code {"code","message","details"}}. */
    private byte[] errorBody(String code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", Map.of());
        return json.writeValueAsBytes(error);
    }

    private static MessageKind responseKind(String declared, int status) {
        if (declared != null) {
            try {
                return MessageKind.parse(declared);
            } catch (IllegalArgumentException e) {
                log.warn("handler declared an invalid response kind {}", declared);
            }
        }
        return status >= 200 && status < 300 ? MessageKind.RECEIPT : MessageKind.ERROR;
    }

    private static MessageContext.Request requestLine(HttpServletRequest request) {
        String target = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        try {
            return new MessageContext.Request(request.getMethod(), target);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String usableNonce(String nonce) {
        return MessageHeaders.isWellFormedNonce(nonce) ? nonce : NO_REQUEST_NONCE;
    }

    /** The body, or null when it is larger than allowed (read no further than one byte past the limit). */
    private byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return body.length > maxBodyBytes ? null : body;
    }
}
