package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.verify.VerificationReport;

import java.util.List;
import java.util.Optional;

/**
 * Verification as this node offers it (API, portal): recognises a PDF, an OFD or a detached GB/T 38540
 * SES_Signature, verifies it against the node's trusted roots and, online, against seal status and certificate
 * status at the signing time.
 *
 * <p>Failures of the input itself are {@link cn.hrss.seal.core.error.SealException}s: 400
 * {@code DOCUMENT_TYPE_UNSUPPORTED} (neither PDF, OFD nor SES_Signature), 400 {@code DETACHED_DATA_REQUIRED} (an
 * SES_Signature without {@code detachedData}), 413 {@code DOCUMENT_TOO_LARGE}. Anything wrong inside a document of
 * a known type is a FAILED or INDETERMINATE check in the report, never an exception.
 */
public interface DocumentVerification {

    /**
     * @param document     the signed PDF or OFD, or a DER SES_Signature
     * @param detachedData for an SES_Signature: the signed data (or nothing for documents)
     */
    VerificationReport verify(byte[] document, Optional<byte[]> detachedData);

    /**
     * As {@link #verify(byte[], Optional)}, with evidence: each receipt given (hrss-seal-evidence-receipt/1 JSON) and
     * each receipt the node finds for the document's signatures is checked and added to the signature it belongs to.
     * A malformed receipt is a 400 {@code EVIDENCE_RECEIPT_MALFORMED}.
     */
    default VerificationReport verify(byte[] document, Optional<byte[]> detachedData, List<byte[]> receipts) {
        if (!receipts.isEmpty()) {
            throw new UnsupportedOperationException("this verification does not check evidence receipts");
        }
        return verify(document, detachedData);
    }
}
