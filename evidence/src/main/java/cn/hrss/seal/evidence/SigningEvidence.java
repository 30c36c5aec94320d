package cn.hrss.seal.evidence;

import cn.hrss.seal.application.api.DocumentsSigned;
import cn.hrss.seal.core.pii.PersonalDataProtector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** Items per leaf: a batch signing of up to 500 digests would not fit one leaf ({@link LeafStore#MAX_LEAF}). */
    static final int ITEMS_PER_LEAF = 64;

    @EventListener
    void on(DocumentsSigned signed) {
        List<DocumentsSigned> parts = parts(signed);
        log.appendAll(parts.stream().map(this::leaf).toList(), parts.stream().map(part -> {
            List<String> documents = new ArrayList<>(part.documentSm3());
            documents.addAll(part.signedSm3());
            return DocumentIndex.keysOf(documents);
        }).toList());
    }

    /**
     * A signing of many documents (a batch data signing) as several leaves of at most {@link #ITEMS_PER_LEAF}
     * document/signature pairs, each with the signing's signId; time-stamp tokens go with their item when there is
     * one per item.
     */
    static List<DocumentsSigned> parts(DocumentsSigned s) {
        int n = s.documentSm3().size();
        if (n <= ITEMS_PER_LEAF || s.signedSm3().size() != n) {
            return List.of(s);
        }
        boolean tokenPerItem = s.timeStampSm3().size() == n;
        List<DocumentsSigned> parts = new ArrayList<>();
        for (int from = 0; from < n; from += ITEMS_PER_LEAF) {
            int to = Math.min(n, from + ITEMS_PER_LEAF);
            List<String> tokens = tokenPerItem ? s.timeStampSm3().subList(from, to)
                    : from == 0 ? s.timeStampSm3() : List.of();
            parts.add(new DocumentsSigned(s.signId(), s.flow(), s.esId(), s.signerRef(),
                    s.documentSm3().subList(from, to), s.signedSm3().subList(from, to), s.approvalSm3(), s.signedAt(),
                    tokens));
        }
        return parts;
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
