package cn.hrss.seal.status.srl;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.status.publish.SignedHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public download of the signed seal revocation list. The document carries its signature in the
 * {@code Seal-Signature} header; {@code .sig} serves the same signature as raw DER for {@code openssl dgst}. Both
 * take {@code ?number=N} so a document and its signature can be fetched as a consistent pair across a republish.
 */
@RestController
class RevocationListController {
    static final String NUMBER_HEADER = "Seal-Srl-Number";

    private final RevocationListPublisher publisher;

    RevocationListController(RevocationListPublisher publisher) {
        this.publisher = publisher;
    }

    @GetMapping("/api/v1/seal-status/revocation-list")
    ResponseEntity<byte[]> document(@RequestParam(required = false) Long number) {
        PublishedList list = find(number);
        HttpHeaders headers = SignedHeaders.of(list.signature());
        headers.set(NUMBER_HEADER, Long.toString(list.number()));
        return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(list.document());
    }

    @GetMapping("/api/v1/seal-status/revocation-list.sig")
    ResponseEntity<byte[]> signature(@RequestParam(required = false) Long number) {
        PublishedList list = find(number);
        return ResponseEntity.ok().header(NUMBER_HEADER, Long.toString(list.number()))
                .header(SignedHeaders.SIGNER, list.signature().signerCertId())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(list.signature().der());
    }

    private PublishedList find(Long number) {
        if (number == null) {
            return publisher.current();
        }
        return publisher.byNumber(number).orElseThrow(() -> SealException.notFound("SRL_NOT_FOUND",
                "revocation list " + number + " was never published or is no longer retained"));
    }
}
