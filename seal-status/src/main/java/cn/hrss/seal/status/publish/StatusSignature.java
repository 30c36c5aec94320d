package cn.hrss.seal.status.publish;

import java.util.Base64;

/** A detached SM3withSM2 signature (DER SM2Signature) and the id of the key that made it. Immutable. */
public final class StatusSignature {
    private final byte[] der;
    private final String signerCertId;

    public StatusSignature(byte[] der, String signerCertId) {
        this.der = der.clone();
        this.signerCertId = signerCertId;
    }

    public byte[] der() {
        return der.clone();
    }

    /** The DER signature in standard base64, as carried in the {@code Seal-Signature} header. */
    public String base64() {
        return Base64.getEncoder().encodeToString(der);
    }

    public String signerCertId() {
        return signerCertId;
    }
}
