package cn.hrss.seal.audit.chain;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;

import java.util.HexFormat;

/** The SM2 key in the cipher device that signs checkpoints. */
final class AuditKey {
    private final CipherDevice device;
    private final KeyRef key;
    private final Sm2PublicKey publicKey;
    private final String keyId;

    AuditKey(CipherDevice device, String label) {
        this.device = device;
        this.key = device.findKey(label).orElseGet(() -> device.generateKeyPair(label));
        this.publicKey = device.exportSignPublicKey(key);
        this.keyId = ChainCodec.keyId(publicKey);
    }

    /** Three steps: to-be-signed bytes, e = SM3(Z || tbs) here, the device signs e. Returns hex DER. */
    String sign(byte[] tbs) {
        return HexFormat.of().formatHex(device.sign(key, Sm2.digest(publicKey, tbs)));
    }

    Sm2PublicKey publicKey() {
        return publicKey;
    }

    String keyId() {
        return keyId;
    }
}
