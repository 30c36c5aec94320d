package cn.hrss.seal.ca.authority;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

/** Public download of the seal root and this node's certificate chain. */
@RestController
@RequestMapping("/ca")
class CaCertificateController {
    static final MediaType PEM_CHAIN = MediaType.parseMediaType("application/pem-certificate-chain");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    private final CaIdentities identities;

    CaCertificateController(CaIdentities identities) {
        this.identities = identities;
    }

    @GetMapping("/root.pem")
    ResponseEntity<String> rootPem() {
        return ResponseEntity.ok().contentType(PEM_CHAIN).body(Pem.certificates(List.of(identities.rootCertificate())));
    }

    /** DER form of the root, the target of the caIssuers access description (RFC 5280 4.2.2.1). */
    @GetMapping("/root.cer")
    ResponseEntity<byte[]> rootDer() throws IOException {
        return ResponseEntity.ok().contentType(PKIX_CERT).body(identities.rootCertificate().getEncoded());
    }

    @GetMapping("/node.pem")
    ResponseEntity<String> nodePem() {
        return ResponseEntity.ok().contentType(PEM_CHAIN).body(Pem.certificates(identities.nodeChain()));
    }
}
