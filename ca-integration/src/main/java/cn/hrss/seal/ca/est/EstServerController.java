package cn.hrss.seal.ca.est;

import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.web.ApiError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * EST server (RFC 7030): {@code GET cacerts} is public, {@code POST simpleenroll} needs the enrolment
 * credential over HTTP Basic (RFC 7030 3.2.3; TLS, and client certificates if used, end at the gateway).
 */
@RestController
@RequestMapping("/.well-known/est")
class EstServerController {
    static final MediaType CERTS_ONLY = MediaType.parseMediaType("application/pkcs7-mime; smime-type=certs-only");

    private final CaIdentities identities;
    private final EstEnrolment enrolment;
    private final CaProperties.Est credential;

    EstServerController(CaIdentities identities, EstEnrolment enrolment, CaProperties properties) {
        this.identities = identities;
        this.enrolment = enrolment;
        this.credential = properties.est();
    }

    @GetMapping("/cacerts")
    ResponseEntity<String> caCertificates() {
        return certsOnly(CertsOnly.encode(List.of(identities.rootCertificate())));
    }

    @PostMapping("/simpleenroll")
    ResponseEntity<?> simpleEnroll(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                   String authorization, @RequestBody(required = false) byte[] body) {
        if (!credential.enabled()) {
            throw SealException.notFound("EST_DISABLED", "EST enrolment is not enabled on this node");
        }
        if (!authorized(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"est\", charset=\"UTF-8\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError("EST_UNAUTHORIZED", "valid enrolment credentials are required", Map.of()));
        }
        if (body == null) {
            throw SealException.badRequest("EST_BAD_REQUEST", "empty enrolment request");
        }
        return certsOnly(CertsOnly.encode(List.of(enrolment.enroll(body).certificate())));
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (credential.username() + ":" + credential.password()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expected);
    }

    private static ResponseEntity<String> certsOnly(String base64) {
        return ResponseEntity.ok()
                .contentType(CERTS_ONLY)
                .header("Content-Transfer-Encoding", "base64")
                .body(base64);
    }
}
