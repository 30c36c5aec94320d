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
}
