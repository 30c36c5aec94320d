package cn.hrss.seal.core.message;

/**
 * Why a received message was rejected. The names are the stable error codes a receiver answers with; the HTTP
 * status is the one a node uses when it rejects a request.
 */
public enum MessageProblem {
    /** Headers missing, repeated, too long or not in their syntax; method or target unusable. */
    MESSAGE_MALFORMED(400),
    /** The kind is not one this endpoint accepts (unknown name or version). */
    MESSAGE_KIND_UNSUPPORTED(400),
    /** Content-Digest is not the SM3 of the body bytes received. */
    MESSAGE_DIGEST_MISMATCH(400),
    /** No certificate with this id in the receiver's trust list. */
    MESSAGE_SIGNER_UNKNOWN(401),
    /** The signer's certificate is revoked in the trust list. */
    MESSAGE_SIGNER_REVOKED(401),
    /** The signer's certificate is outside its validity period at the receiver's time. */
    MESSAGE_SIGNER_NOT_VALID(401),
    /** The SM2 signature does not verify over the signature base with the signer's key. */
    MESSAGE_SIGNATURE_INVALID(401),
    /** The timestamp is further from the receiver's clock than the allowed skew. */
    MESSAGE_CLOCK_SKEW(401),
    /** The nonce was already used by this signer within the skew window (or the replay cache is full). */
    MESSAGE_REPLAYED(409);

    private final int httpStatus;

    MessageProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public String code() {
        return name();
    }

    public int httpStatus() {
        return httpStatus;
    }
}
