package cn.hrss.seal.application.api;

import java.util.List;
import java.util.Optional;

/**
 * Reviewed use of a seal for other modules (multi-party contracts): file a sign request on behalf of the applicant,
 * who then waits for a reviewer and signs through {@code /api/v1/sign-requests} as usual. When it is signed,
 * {@link DocumentsSigned} names the request id as its {@code signId}; {@link #signedDocument} returns the result.
 */
public interface ReviewedSignRequests {

    /**
     * @param type  PDF or OFD (checked by magic bytes)
     * @param stamp where the stamp goes: page from 1, x and y in millimetres from the page's top-left corner
     */
    record Document(String name, String type, byte[] content, Stamp stamp) {
        public Document {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    record Stamp(int page, double x, double y) {
    }

    /**
     * Files a request as the applicant would through the API: the seal must be usable; refusals are the same
     * {@code SealException}s with the same codes.
     *
     * @return the new sign request's id
     */
    String file(String esId, String purpose, List<Document> documents, String applicant);

    /** SUBMITTED, APPROVED, REJECTED or SIGNED; empty when there is no such request. */
    Optional<String> status(String signRequestId);

    /** The signed bytes of one document (from 0) of a SIGNED request; 404 SIGNED_DOCUMENT_NOT_FOUND otherwise. */
    byte[] signedDocument(String signRequestId, int position);
}
