package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.verify.VerificationReport;

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
}
