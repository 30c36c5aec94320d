package cn.hrss.seal.core.message;

import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.cert.X509CertificateHolder;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the trust list: a node's system certificate reduced to what message verification needs.
 *
 * @param name for logs (the certificate subject)
 */
public record TrustedSigner(SignerId id, Sm2PublicKey publicKey, Instant notBefore, Instant notAfter,
                            boolean revoked, String name) {
    public TrustedSigner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(name, "name");
        if (!id.equals(SignerId.of(publicKey))) {
            throw new IllegalArgumentException("signer id is not the SM3 of the public key");
        }
        if (notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("certificate validity ends before it starts");
        }
    }

    /** From an SM2 system certificate. */
    public static TrustedSigner of(X509CertificateHolder certificate, boolean revoked) {
        Sm2PublicKey key = Sm2PublicKey.fromSubjectPublicKeyInfo(certificate.getSubjectPublicKeyInfo());
        return new TrustedSigner(SignerId.of(key), key, certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), revoked, certificate.getSubject().toString());
    }

    public boolean validAt(Instant time) {
        return !time.isBefore(notBefore) && !time.isAfter(notAfter);
    }

    public TrustedSigner withRevoked(boolean nowRevoked) {
        return new TrustedSigner(id, publicKey, notBefore, notAfter, nowRevoked, name);
    }
}
