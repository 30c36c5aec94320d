package cn.hrss.seal.application.signing;

import java.time.Instant;

/**
 * The result of one signing.
 *
 * @param inputSm3  hex SM3 of what was signed (for DATA given as a digest: that digest)
 * @param signed    the signed PDF/OFD, or the DER SES_Signature for DATA
 * @param signedSm3 hex SM3 of {@code signed}
 */
public record SignedDocument(DocumentKind kind, String esId, String sealName, String inputSm3, byte[] signed,
                             String signedSm3, Instant signedAt) {
    public SignedDocument {
        signed = signed.clone();
    }

    @Override
    public byte[] signed() {
        return signed.clone();
    }
}
