package cn.hrss.seal.cli;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.math.BigInteger;

/**
 * A seal package opened with the holder key: what {@code SKF_ImportECCKeyPair} does on a USBKey (SM2-decrypt the
 * session key, SM4-ECB-decrypt d, check d against the envelope's public key), plus the check that d is the key of
 * the seal certificate, then the key imported into an {@link ImportedKeyDevice}. Close it to drop the key.
 */
final class UnlockedSeal implements AutoCloseable {
    private final ImportedKeyDevice device;
    private final SealSigningKey signingKey;

    private UnlockedSeal(ImportedKeyDevice device, SealSigningKey signingKey) {
        this.device = device;
        this.signingKey = signingKey;
    }

    static UnlockedSeal open(SealPackage sealPackage, BigInteger holderKey) {
        BigInteger d;
        try {
            d = sealPackage.envelope().unwrap(holderKey);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new BadInputException("the holder key does not open this seal package's key envelope "
                    + "(wrong --holder-key?)", e);
        }
        Sm2PublicKey certified = SealPackage.certifiedKey(sealPackage.certificate());
        if (!Sm2PublicKey.fromPoint(Sm2.publicPoint(d)).equals(certified)) {
            throw new BadInputException("the enveloped key does not belong to the seal certificate");
        }
        ImportedKeyDevice device = new ImportedKeyDevice(d);
        return new UnlockedSeal(device, new SealSigningKey(device, ImportedKeyDevice.SEAL_KEY,
                sealPackage.signerChain(), sealPackage.seal()));
    }

    SealSigningKey signingKey() {
        return signingKey;
    }

    @Override
    public void close() {
        device.close();
    }
}
