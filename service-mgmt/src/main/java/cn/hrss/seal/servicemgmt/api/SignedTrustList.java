package cn.hrss.seal.servicemgmt.api;

/**
 * A trust list as published: the exact document bytes and the detached DER SM2 signature over them (SM3withSM2,
 * default user ID), by the publishing node's system key.
 */
public record SignedTrustList(long version, byte[] document, byte[] signature) {
    /** Response headers of {@code GET /federation/trust-list}. */
    public static final String SIGNATURE_HEADER = "Seal-Signature";
    public static final String SIGNER_HEADER = "Seal-Signer";
    public static final String VERSION_HEADER = "Seal-Trust-List-Version";

    public SignedTrustList {
        document = document.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] document() {
        return document.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
