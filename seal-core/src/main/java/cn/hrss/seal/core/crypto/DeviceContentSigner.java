package cn.hrss.seal.core.crypto;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.operator.ContentSigner;

import java.io.OutputStream;

/**
 * BouncyCastle {@link ContentSigner} for SM3withSM2 whose private key stays in a {@link CipherDevice}:
 * the bytes to be signed are hashed here as e = SM3(Z_A || M) and only e goes to the device. Lets
 * BouncyCastle build certificates, CRLs, OCSP responses, time stamps and CMS over device keys.
 * One instance per signature (BC's builders use it once).
 */
public final class DeviceContentSigner implements ContentSigner {
    private final CipherDevice device;
    private final KeyRef key;
    private final SM3Digest digest;
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    };

    /**
     * @param z Z_A of the key's public key; callers that sign often cache it (see {@link #create}).
     */
    public DeviceContentSigner(CipherDevice device, KeyRef key, byte[] z) {
        this.device = device;
        this.key = key;
        this.digest = Sm2.digestWithZ(z);
    }

    /** Convenience: exports the public key and computes Z with the default user ID. */
    public static DeviceContentSigner create(CipherDevice device, KeyRef key) {
        Sm2PublicKey pub = device.exportSignPublicKey(key);
        return new DeviceContentSigner(device, key, Sm2.z(pub));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return Sm2.SM3_WITH_SM2;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public byte[] getSignature() {
        byte[] e = new byte[32];
        digest.doFinal(e, 0);
        return device.sign(key, e);
    }
}
