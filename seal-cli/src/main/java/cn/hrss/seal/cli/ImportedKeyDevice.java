package cn.hrss.seal.cli;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.CipherDeviceException;
import cn.hrss.seal.core.device.DeviceInfo;
import cn.hrss.seal.core.device.DeviceSession;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A one-key, in-memory cipher device: the seal key opened from the package's envelope, imported as the USBKey would
 * import it, so the library signers (which only know {@link CipherDevice}) sign with it. It only signs and verifies;
 * everything else is {@code SDR_NOTSUPPORT}. {@link #close()} drops the key (a BigInteger cannot be wiped in place,
 * so the process should end soon after, as the CLI does).
 */
final class ImportedKeyDevice implements CipherDevice {
    static final KeyRef SEAL_KEY = new KeyRef(1, "seal");

    private final Sm2PublicKey publicKey;
    private final SecureRandom random = new SecureRandom();
    private volatile BigInteger d;
    private volatile BigInteger dPlus1Inverse;

    ImportedKeyDevice(BigInteger d) {
        this.d = d;
        this.dPlus1Inverse = Sm2.dPlus1Inverse(d);
        this.publicKey = Sm2PublicKey.fromPoint(Sm2.publicPoint(d));
    }

    @Override
    public DeviceInfo info() {
        return new DeviceInfo("HRSS", "seal-cli imported key", "memory", 1, 1);
    }

    @Override
    public byte[] sign(KeyRef key, byte[] digest) {
        check(key);
        BigInteger privateKey = d;
        if (privateKey == null) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYNOTEXIST, "the imported key was dropped");
        }
        BigInteger[] rs = Sm2.signDigest(privateKey, dPlus1Inverse, digest, Sm2.KSource.from(random));
        return Sm2.encodeSignature(rs[0], rs[1]);
    }

    @Override
    public boolean verify(KeyRef key, byte[] digest, byte[] derSignature) {
        check(key);
        return Sm2.verifyDigest(publicKey, digest, derSignature);
    }

    @Override
    public Sm2PublicKey exportSignPublicKey(KeyRef key) {
        check(key);
        return publicKey;
    }

    @Override
    public Optional<KeyRef> findKey(String label) {
        return SEAL_KEY.label().equals(label) ? Optional.of(SEAL_KEY) : Optional.empty();
    }

    @Override
    public byte[] generateRandom(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public DeviceSession openSession() {
        throw unsupported();
    }

    @Override
    public Sm2PublicKey exportEncPublicKey(KeyRef key) {
        throw unsupported();
    }

    @Override
    public KeyRef generateKeyPair(String label) {
        throw unsupported();
    }

    @Override
    public byte[] decrypt(KeyRef key, byte[] sm2Cipher) {
        throw unsupported();
    }

    @Override
    public byte[] encrypt(Sm2PublicKey publicKey, byte[] plaintext) {
        throw unsupported();
    }

    @Override
    public byte[] sm4Encrypt(KeyRef kek, byte[] plaintext) {
        throw unsupported();
    }

    @Override
    public byte[] sm4Decrypt(KeyRef kek, byte[] ciphertext) {
        throw unsupported();
    }

    @Override
    public KeyRef generateKek(String label) {
        throw unsupported();
    }

    @Override
    public void close() {
        d = null;
        dPlus1Inverse = null;
    }

    private static void check(KeyRef key) {
        if (!SEAL_KEY.equals(key)) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYNOTEXIST, "no key " + key);
        }
    }

    private static CipherDeviceException unsupported() {
        return new CipherDeviceException(CipherDeviceException.SDR_NOTSUPPORT, "the imported-key device only signs");
    }
}
