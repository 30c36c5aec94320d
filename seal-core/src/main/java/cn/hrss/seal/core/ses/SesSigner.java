package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Step 2 of seal and signature making: SM3withSM2 (default user ID) over the data to be signed, returning a DER
 * SM2Signature. The private key never leaves whatever implements this.
 */
@FunctionalInterface
public interface SesSigner {

    byte[] sign(byte[] toBeSigned);

    /** Signs with a device key: e = SM3(Z_A || M) is computed here (Z_A cached), only e goes to the device. */
    static SesSigner of(CipherDevice device, KeyRef key) {
        byte[] z = Sm2.z(device.exportSignPublicKey(key));
        return toBeSigned -> {
            SM3Digest d = Sm2.digestWithZ(z);
            d.update(toBeSigned, 0, toBeSigned.length);
            byte[] e = new byte[32];
            d.doFinal(e, 0);
            return device.sign(key, e);
        };
    }
}
