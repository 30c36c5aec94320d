package cn.hrss.seal.application.sign;

/**
 * An RFC 3161 / GB/T 20520 time-stamp authority as the signers see it: given the SM3 digest of the data to be
 * time-stamped, it returns a time-stamp token (the DER ContentInfo of a SignedData with TSTInfo) over it.
 * Failures are {@link cn.hrss.seal.core.error.SealException}s with code {@link #UNAVAILABLE} or {@link #REJECTED}.
 */
@FunctionalInterface
public interface TimeStampSource {
    /** The TSA could not be reached or answered with something that is not a time-stamp response. */
    String UNAVAILABLE = "TSA_UNAVAILABLE";
    /** The TSA answered but refused, or its token does not match the request. */
    String REJECTED = "TSA_REJECTED";

    /** @param sm3Imprint 32-byte SM3 digest that becomes the token's message imprint */
    byte[] timeStamp(byte[] sm3Imprint);
}
