package cn.hrss.seal.evidence;

import cn.hrss.seal.application.api.DocumentsSigned;
import java.nio.charset.StandardCharsets;
import org.springframework.context.event.EventListener;

/**
 * Every signing becomes one leaf, appended in the signing's transaction. The leaf is UTF-8 text, one {@code key=value}
 * per line in this order (docs/EVIDENCE.md): digests and identifiers only — the signer is the SM3 of its key or
 * client id, documents are their SM3 — so the public log holds no personal data and no document content.
 */
final class SigningEvidence {
    static final String HEADER = "HRSS-SEAL-EVIDENCE/1";
    private final LeafStore log;

    SigningEvidence(LeafStore log) {
        this.log = log;
    }

    @EventListener
    void on(DocumentsSigned signed) {
        long index = log.append(leaf(signed));
        java.util.List<String> documents = new java.util.ArrayList<>(signed.documentSm3());
        documents.addAll(signed.signedSm3());
        log.indexDocuments(index, documents);
    }

    static byte[] leaf(DocumentsSigned s) {
        return String.join("\n", HEADER, "kind=SIGNING", "flow=" + s.flow(), "signId=" + s.signId(),
                        "esId=" + s.esId(), "signer=" + s.signerRef(), "documentSm3=" + String.join(",", s.documentSm3()),
                        "signedSm3=" + String.join(",", s.signedSm3()), "approvalSm3=" + s.approvalSm3(),
                        "signedAt=" + s.signedAt())
                .getBytes(StandardCharsets.UTF_8);
    }
}
