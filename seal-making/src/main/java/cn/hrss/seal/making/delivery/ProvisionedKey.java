package cn.hrss.seal.making.delivery;

import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;

/**
 * A new seal key: either held in the node's cipher device ({@code deviceKey}) or exported to the holder as an
 * {@link cn.hrss.seal.core.skf.EnvelopedKeyBlob} ({@code envelope}), never both.
 */
public record ProvisionedKey(Sm2PublicKey publicKey, KeyRef deviceKey, byte[] envelope) {
    public ProvisionedKey {
        if ((deviceKey == null) == (envelope == null)) {
            throw new IllegalArgumentException("a seal key is either in the device or enveloped for the holder");
        }
        envelope = envelope == null ? null : envelope.clone();
    }

    @Override
    public byte[] envelope() {
        return envelope == null ? null : envelope.clone();
    }
}
