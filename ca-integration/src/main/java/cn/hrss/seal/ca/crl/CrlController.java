package cn.hrss.seal.ca.crl;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ca/crl}: the current CRL, DER. */
@RestController
class CrlController {
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final CrlPublisher publisher;

    CrlController(CrlPublisher publisher) {
        this.publisher = publisher;
    }

    @GetMapping("/ca/crl")
    ResponseEntity<byte[]> crl() {
        var crl = publisher.current();
        // Not cached by intermediaries: a revocation must be visible at once.
        return ResponseEntity.ok()
                .contentType(PKIX_CRL)
                .cacheControl(CacheControl.noCache())
                .lastModified(crl.thisUpdate())
                .body(crl.der());
    }
}
