package cn.hrss.seal.ca.ocsp;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;

/**
 * RFC 6960 Appendix A over HTTP: {@code POST /ca/ocsp} with the DER request, or {@code GET /ca/ocsp/{base64}}.
 * A malformed request is answered with the OCSP malformedRequest response and HTTP 400.
 */
@RestController
class OcspController {
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final OcspResponder responder;

    OcspController(OcspResponder responder) {
        this.responder = responder;
    }

    @PostMapping("/ca/ocsp")
    ResponseEntity<byte[]> post(@RequestBody(required = false) byte[] request) {
        return reply(request == null || request.length > MAX_REQUEST_BYTES ? null : request);
    }

    /** The path variable arrives URL-decoded and may contain '/' from the base64 alphabet. */
    @GetMapping("/ca/ocsp/{*encoded}")
    ResponseEntity<byte[]> get(@PathVariable String encoded) {
        byte[] request;
        try {
            request = Base64.getDecoder().decode(encoded.substring(1));
        } catch (IllegalArgumentException e) {
            request = null;
        }
        return reply(request);
    }

    private ResponseEntity<byte[]> reply(byte[] request) {
        OcspResponder.OcspAnswer answer = responder.answer(request);
        return ResponseEntity.status(answer.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
                .contentType(OCSP_RESPONSE)
                .body(answer.response());
    }
}
