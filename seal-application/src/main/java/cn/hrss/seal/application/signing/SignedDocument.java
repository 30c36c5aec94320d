package cn.hrss.seal.application.signing;

import cn.hrss.seal.core.ses.asn1.SplicedEncoding;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * The result of one signing.
 *
 * @param inputSm3       hex SM3 of what was signed (for DATA given as a digest: that digest)
 * @param signedEncoding the signed PDF/OFD, or the DER SES_Signature for DATA kept around its seal
 * @param signedSm3      hex SM3 of {@link #signed()}
 * @param timeStampSm3   hex SM3 of each RFC 3161 time-stamp token the signing embedded
 */
public record SignedDocument(DocumentKind kind, String esId, String sealName, String inputSm3,
                             SplicedEncoding signedEncoding, String signedSm3, Instant signedAt,
                             List<String> timeStampSm3) {
    public SignedDocument {
        timeStampSm3 = List.copyOf(timeStampSm3);
    }

    /** The signed PDF/OFD or the DER SES_Signature, in a new array. */
    public byte[] signed() {
        return signedEncoding.toByteArray();
    }

    /** Length of {@link #signed()} without copying. */
    public int signedLength() {
        return signedEncoding.length();
    }

    /** Writes {@link #signed()} to {@code out} without an intermediate array. */
    public void writeSignedTo(OutputStream out) throws IOException {
        signedEncoding.writeTo(out);
    }
}
