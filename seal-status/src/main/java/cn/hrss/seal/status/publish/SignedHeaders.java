package cn.hrss.seal.status.publish;

import org.springframework.http.HttpHeaders;

/** The response headers that carry a detached body signature, shared by every signed status endpoint. */
public final class SignedHeaders {
    /** Base64 DER SM2 signature over the exact response body bytes. */
    public static final String SIGNATURE = "Seal-Signature";
    /** Hex SM3 of the signer's uncompressed public key. */
    public static final String SIGNER = "Seal-Signer";

    private SignedHeaders() {
    }

    public static HttpHeaders of(StatusSignature signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(SIGNATURE, signature.base64());
        headers.set(SIGNER, signature.signerCertId());
        return headers;
    }
}
