package cn.hrss.seal.evidence;

import cn.hrss.seal.application.api.DocumentsSigned;
import cn.hrss.seal.core.pii.PersonalDataProtector;
import java.nio.charset.StandardCharsets;
import org.springframework.context.event.EventListener;

/**
 * Every signing becomes one leaf, appended in the signing's transaction. The leaf is UTF-8 text, one {@code key=value}
 * per line in this order (docs/EVIDENCE.md): digests and identifiers only — the signer is a keyed pseudonym (HMAC-SM3 under the node's
 * personal-data key) of the SM3 of its key or client id, documents are their SM3 — so the public log holds no personal data and no document content.
 */
final class SigningEvidence {
    static final String HEADER = "HRSS-SEAL-EVIDENCE/1";
    static final String SIGNER_CONTEXT = "evidence.signer";
    private final LeafStore log;
    private final PersonalDataProtector pepper;

    /** @param pepper keys the signer pseudonym, so the public log cannot be searched for a known client or user */
    SigningEvidence(LeafStore log, PersonalDataProtector pepper) {
        this.log = log;
        this.pepper = pepper;
    }

    @EventListener
    void on(DocumentsSigned signed) {
        long index = log.append(leaf(signed));
        java.util.List<String> documents = new java.util.ArrayList<>(signed.documentSm3());
        documents.addAll(signed.signedSm3());
        log.indexDocuments(index, documents);
    }

    byte[] leaf(DocumentsSigned s) {
        return String.join("\n", HEADER, "kind=SIGNING", "flow=" + s.flow(), "signId=" + s.signId(),
                        "esId=" + s.esId(), "signer=" + pepper.pseudonym(SIGNER_CONTEXT, s.signerRef()), "documentSm3=" + String.join(",", s.documentSm3()),
                        "signedSm3=" + String.join(",", s.signedSm3()),
                        "timeStampSm3=" + (s.timeStampSm3().isEmpty() ? "-" : String.join(",", s.timeStampSm3())),
                        "approvalSm3=" + s.approvalSm3(),
                        "signedAt=" + s.signedAt())
                .getBytes(StandardCharsets.UTF_8);
    }
}
