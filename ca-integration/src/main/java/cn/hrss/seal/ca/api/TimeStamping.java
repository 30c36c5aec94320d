package cn.hrss.seal.ca.api;

/**
 * The node's RFC 3161 time-stamping unit for in-process callers (the signers of seal application), so a signing
 * request does not loop through HTTP to {@code /ca/tsa}.
 */
public interface TimeStamping {

    /**
     * @param timeStampRequest DER TimeStampReq
     * @return DER TimeStampResp (granted or a rejection with its failInfo)
     * @throws cn.hrss.seal.core.error.SealException 400 {@code TSA_MALFORMED_REQUEST} when the bytes are not a
     *         TimeStampReq
     */
    byte[] respond(byte[] timeStampRequest);

    /**
     * A token over an SM3 imprint for in-process signers, the same as {@link #respond} grants for a request with
     * that imprint, no nonce and certReq, without encoding and parsing the request and response around it.
     *
     * @param sm3Imprint 32 bytes
     * @return DER TimeStampToken (CMS ContentInfo) carrying the TSA certificate
     */
    byte[] token(byte[] sm3Imprint);
}
