package cn.hrss.seal.application.api;

/**
 * A module's rule on who may review a sign request, asked before every approval or rejection (multi-party
 * contracts: only a reviewer acting for the party whose seal is used). Refuses by throwing a
 * {@link cn.hrss.seal.core.error.SealException} with its own stable code; the review then does not happen.
 */
@FunctionalInterface
public interface SignRequestReviewPolicy {
    void checkReviewer(String signRequestId, String reviewer);
}
