package cn.hrss.seal.ca.authority;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;

import java.util.Objects;

/**
 * A device key together with its certificate: what signs certificates, CRLs, OCSP responses or time stamps.
 * Z_A is computed once here; each signature gets a fresh {@link DeviceContentSigner}.
 */
public final class SigningIdentity {
    private final KeyRef key;
    private final X509CertificateHolder certificate;
    private final byte[] z;

    public SigningIdentity(KeyRef key, X509CertificateHolder certificate) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.z = Sm2.z(Sm2PublicKey.fromSubjectPublicKeyInfo(certificate.getSubjectPublicKeyInfo()));
    }

    public KeyRef key() {
        return key;
    }

    public X509CertificateHolder certificate() {
        return certificate;
    }

    /** A one-shot SM3withSM2 signer over this identity's device key. */
    public ContentSigner contentSigner(CipherDevice device) {
        return new DeviceContentSigner(device, key, z);
    }
}
