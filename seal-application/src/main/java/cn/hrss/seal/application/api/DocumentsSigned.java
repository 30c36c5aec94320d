package cn.hrss.seal.application.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Event: a seal signed documents (or data), published in the signing transaction after its audit record. Carries
 * digests and identifiers only, never names or document content: what the evidence log records.
 *
 * @param signId       the sign request id (reviewed flow) or the Seal-Sign-Id (business API)
 * @param flow         REVIEWED (sign request approved by a reviewer) or AUTHORISED (standing authorisation)
 * @param esId         the seal
 * @param signerRef    hex SM3 of the signing actor's key or client id: pseudonymous, no personal data
 * @param documentSm3  hex SM3 of each document (or data) as submitted
 * @param signedSm3    hex SM3 of each signed result, in the same order
 * @param approvalSm3  hex SM3 of the approval behind the signing: the signed signing record (reviewed flow) or the
 *                     authorisation id (business API)
 * @param timeStampSm3 hex SM3 of each RFC 3161 time-stamp token embedded by the signing (none for data)
 */
public record DocumentsSigned(String signId, Flow flow, String esId, String signerRef, List<String> documentSm3,
                              List<String> signedSm3, String approvalSm3, Instant signedAt,
                              List<String> timeStampSm3) {
    public enum Flow { REVIEWED, AUTHORISED }

    /** Without time-stamp digests. */
    public DocumentsSigned(String signId, Flow flow, String esId, String signerRef, List<String> documentSm3,
                           List<String> signedSm3, String approvalSm3, Instant signedAt) {
        this(signId, flow, esId, signerRef, documentSm3, signedSm3, approvalSm3, signedAt, List.of());
    }

    public DocumentsSigned {
        timeStampSm3 = List.copyOf(timeStampSm3);
        Objects.requireNonNull(signId, "signId");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(esId, "esId");
        documentSm3 = List.copyOf(documentSm3);
        signedSm3 = List.copyOf(signedSm3);
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
