package cn.hrss.seal.making.delivery;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.skf.EnvelopedKeyBlob;
import cn.hrss.seal.making.api.Delivery;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Creates seal key pairs for the two deliveries of LD/T 01.1 section 7.5. Server-hosted: generated inside the
 * cipher device and never leaves it. USBKey: generated for the holder (the KMC pattern), enveloped to the holder's
 * protection key and forgotten: the node keeps only the public key and the envelope, which only the holder can open.
 * The soft and SDF devices keep generated keys sealed, so they cannot serve the second case; see
 * docs/SEAL-LIFECYCLE.md for the device operation proposed to do it inside the device.
 */
@Component
public class SealKeys {
    private final CipherDevice device;
    private final SecureRandom random;

    SealKeys(CipherDevice device) {
        this.device = device;
        this.random = new SecureRandom();
    }

    public ProvisionedKey provision(String sealId, Delivery delivery, Sm2PublicKey holderKey) {
        if (delivery == Delivery.SERVER) {
            KeyRef key = device.generateKeyPair(keyLabel(sealId));
            return new ProvisionedKey(device.exportSignPublicKey(key), key, null);
        }
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, Sm2.N.subtract(BigInteger.TWO), random);
        byte[] symmetricKey = device.generateRandom(16);
        try {
            EnvelopedKeyBlob envelope = EnvelopedKeyBlob.wrap(d, holderKey, symmetricKey, random);
            return new ProvisionedKey(envelope.publicKey(), null, envelope.getEncoded());
        } finally {
            Arrays.fill(symmetricKey, (byte) 0);
        }
    }

    /** Device label of a server-hosted seal key. */
    public static String keyLabel(String sealId) {
        return "seal:" + sealId;
    }
}
