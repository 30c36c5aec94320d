package cn.hrss.seal.nationalsim;

import cn.hrss.seal.core.message.VerifiedMessage;
import java.io.IOException;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed interface the ministry uses, and two public reads (its certificate, what it holds about a seal). */
@RestController
class SimEndpoints {
    private final NationalPlatform platform;
    private final X509CertificateHolder certificate;

    SimEndpoints(NationalPlatform platform, X509CertificateHolder platformCertificate) {
        this.platform = platform;
        this.certificate = platformCertificate;
    }

    @PostMapping("/federation/messages/seal.code-request/1")
    Map<String, String> codeRequest(VerifiedMessage message) {
        return Map.of("messageId", message.messageId(), "outcome", platform.codeRequest(message));
    }

    @PostMapping("/federation/messages/seal.filing/1")
    Map<String, String> filing(VerifiedMessage message) {
        return Map.of("messageId", message.messageId(), "outcome", platform.filing(message));
    }

    @PostMapping("/federation/messages/status.change/1")
    Map<String, String> statusChange(VerifiedMessage message) {
        return Map.of("messageId", message.messageId(), "outcome", platform.statusChange(message));
    }

    @GetMapping(value = "/national/cert.pem", produces = "application/x-pem-file")
    String certificate() throws IOException {
        return SimIdentity.pem(certificate);
    }

    @GetMapping(value = "/national/seals/{esId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> seal(@PathVariable String esId) {
        return platform.seal(esId);
    }
}
