package cn.hrss.seal.status.publish;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the status signer's public key, so relying parties can verify answers and lists with plain tools. */
@RestController
class SignerController {
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final StatusSigner signer;

    SignerController(StatusSigner signer) {
        this.signer = signer;
    }

    @GetMapping("/api/v1/seal-status/signer.pem")
    ResponseEntity<String> signerPem() {
        return ResponseEntity.ok().contentType(PEM).header(SignedHeaders.SIGNER, signer.signerCertId())
                .body(signer.publicKeyPem());
    }
}
