package cn.hrss.seal.status.publish;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * Signs what the status system publishes (status answers, revocation lists) with SM3withSM2, default user ID, using
 * the node's system key in the cipher device. The key is looked up on first use, not at start-up, because on a real
 * node the CA module creates it during its own start-up.
 *
 * <p>Signing is the three-step pattern: {@code e = SM3(Z || body)} here, the device signs e, the caller assembles
 * body + detached signature.
 */
public final class StatusSigner {
    private static final Logger log = LoggerFactory.getLogger(StatusSigner.class);

    private final CipherDevice device;
    private final String keyLabel;
    private final boolean generateIfMissing;
    private volatile SignerKey key;

    public StatusSigner(CipherDevice device, String keyLabel, boolean generateIfMissing) {
        this.device = device;
        this.keyLabel = keyLabel;
        this.generateIfMissing = generateIfMissing;
    }

    /** Signs the exact bytes. */
    public StatusSignature sign(byte[] body) {
        SignerKey k = key();
        SM3Digest digest = Sm2.digestWithZ(k.z());
        digest.update(body, 0, body.length);
        byte[] e = new byte[digest.getDigestSize()];
        digest.doFinal(e, 0);
        return new StatusSignature(device.sign(k.ref(), e), k.certId());
    }

    public Sm2PublicKey publicKey() {
        return key().publicKey();
    }

    /** Hex SM3 of the uncompressed public key: the id the federation uses for this signer. */
    public String signerCertId() {
        return key().certId();
    }

    /** The public key as a PEM SubjectPublicKeyInfo, the form {@code openssl dgst -verify} takes. */
    public String publicKeyPem() {
        StringWriter out = new StringWriter();
        try (PemWriter pem = new PemWriter(out)) {
            pem.writeObject(new PemObject("PUBLIC KEY", publicKey().toSubjectPublicKeyInfo().getEncoded("DER")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private SignerKey key() {
        SignerKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = SignerKey.of(resolve(), device);
                    key = k;
                }
            }
        }
        return k;
    }

    private KeyRef resolve() {
        return device.findKey(keyLabel).orElseGet(() -> {
            if (!generateIfMissing) {
                throw new SealException("STATUS_SIGNER_UNAVAILABLE", 503,
                        "the cipher device has no key labelled '" + keyLabel + "' to sign seal status with; create it"
                                + " (the CA module does on a node) or set seal.status.signer.generate-if-missing=true");
            }
            log.warn("generating the status signing key '{}' in the cipher device", keyLabel);
            return device.generateKeyPair(keyLabel);
        });
    }

    private record SignerKey(KeyRef ref, Sm2PublicKey publicKey, byte[] z, String certId) {
        static SignerKey of(KeyRef ref, CipherDevice device) {
            Sm2PublicKey publicKey = device.exportSignPublicKey(ref);
            return new SignerKey(ref, publicKey, Sm2.z(publicKey),
                    HexFormat.of().formatHex(Sm3.hash(publicKey.uncompressed())));
        }
    }
}
