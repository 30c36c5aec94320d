package cn.hrss.seal.application.signing;

import java.time.Instant;
import java.util.List;

/**
 * The result of one signing.
 *
 * @param inputSm3  hex SM3 of what was signed (for DATA given as a digest: that digest)
 * @param signed    the signed PDF/OFD, or the DER SES_Signature for DATA
 * @param signedSm3 hex SM3 of {@code signed}
 * @param timeStampSm3 hex SM3 of each RFC 3161 time-stamp token the signing embedded
 */
public record SignedDocument(DocumentKind kind, String esId, String sealName, String inputSm3, byte[] signed,
                             String signedSm3, Instant signedAt, List<String> timeStampSm3) {
    public SignedDocument {
        signed = signed.clone();
        timeStampSm3 = List.copyOf(timeStampSm3);
    }

    @Override
    public byte[] signed() {
        return signed.clone();
    }

    /** Length of {@link #signed()} without copying. */
    public int signedLength() {
        return signed.length;
    }

    /** Copies {@link #signed()} into {@code destination} at {@code at}, without an intermediate array. */
    public void copySignedTo(byte[] destination, int at) {
        System.arraycopy(signed, 0, destination, at, signed.length);
    }
}
