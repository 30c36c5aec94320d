package cn.hrss.seal.core.device.soft;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm2Cipher;
import cn.hrss.seal.core.device.CipherDeviceException;
import cn.hrss.seal.core.device.DeviceSession;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.SessionKey;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.device.SymmetricMode;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/** A session of the soft device; mirrors SDF semantics (per-session access rights, no symmetric padding). */
final class SoftDeviceSession implements DeviceSession {
    private final SoftKeyStore store;
    private final char[] keyPassword;
    private final SecureRandom random;
    private final Sm2.KSource kSource;
    private final Set<Integer> granted = new HashSet<>();
    private boolean closed;

    SoftDeviceSession(SoftKeyStore store, char[] keyPassword, SecureRandom random) {
        this.store = store;
        this.keyPassword = keyPassword;
        this.random = random;
        this.kSource = Sm2.KSource.from(random);
    }

    @Override
    public byte[] generateRandom(int length) {
        open();
        if (length <= 0 || length > 65536) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "random length out of range");
        }
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    @Override
    public void getPrivateKeyAccessRight(KeyRef key, char[] password) {
        open();
        store.get(key.index());
        if (password == null || !MessageDigest.isEqual(toBytes(password), toBytes(keyPassword))) {
            throw new CipherDeviceException(CipherDeviceException.SDR_PRKRERR, "wrong private key access password");
        }
        granted.add(key.index());
    }

    @Override
    public void releasePrivateKeyAccessRight(KeyRef key) {
        open();
        granted.remove(key.index());
    }

    @Override
    public Sm2PublicKey exportSignPublicKey(KeyRef key) {
        return sm2(key).signPublic();
    }

    @Override
    public Sm2PublicKey exportEncPublicKey(KeyRef key) {
        return sm2(key).encPublic();
    }

    @Override
    public byte[] internalSign(KeyRef key, byte[] digest) {
        SoftKey k = sm2(key);
        requireAccess(key);
        if (digest == null || digest.length != 32) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "SM2 signs a 32-byte digest");
        }
        BigInteger[] rs = Sm2.signDigest(k.signD(), k.signDPlus1Inv(), digest, kSource);
        return Sm2.encodeSignature(rs[0], rs[1]);
    }

    @Override
    public boolean internalVerify(KeyRef key, byte[] digest, byte[] derSignature) {
        return externalVerify(sm2(key).signPublic(), digest, derSignature);
    }

    @Override
    public boolean externalVerify(Sm2PublicKey publicKey, byte[] digest, byte[] derSignature) {
        open();
        if (digest == null || digest.length != 32) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "SM2 verifies a 32-byte digest");
        }
        return Sm2.verifyDigest(publicKey, digest, derSignature);
    }

    @Override
    public byte[] externalEncrypt(Sm2PublicKey publicKey, byte[] plaintext) {
        open();
        if (plaintext == null || plaintext.length == 0 || plaintext.length > 136 * 1024) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "SM2 plaintext length out of range");
        }
        return Sm2Cipher.encrypt(publicKey, plaintext, random);
    }

    @Override
    public byte[] internalDecrypt(KeyRef key, byte[] sm2Cipher) {
        SoftKey k = sm2(key);
        requireAccess(key);
        try {
            return Sm2Cipher.decrypt(k.encD(), sm2Cipher);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CipherDeviceException(CipherDeviceException.SDR_ENCDATAERR, "SM2 decryption failed", e);
        }
    }

    @Override
    public SessionKey generateKeyWithKek(KeyRef kek) {
        byte[] kekBytes = kek(kek);
        byte[] key = new byte[16];
        random.nextBytes(key);
        byte[] wrapped = sm4(kekBytes, SymmetricMode.SM4_ECB, null, key, true);
        return new SessionKey(new SoftSessionKey(key), wrapped);
    }

    @Override
    public SessionKey importKeyWithKek(KeyRef kek, byte[] wrappedKey) {
        byte[] kekBytes = kek(kek);
        if (wrappedKey == null || wrappedKey.length != 16) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYERR, "wrapped SM4 key must be 16 bytes");
        }
        byte[] key = sm4(kekBytes, SymmetricMode.SM4_ECB, null, wrappedKey, false);
        return new SessionKey(new SoftSessionKey(key), wrappedKey);
    }

    @Override
    public byte[] encrypt(SessionKey key, SymmetricMode mode, byte[] iv, byte[] data) {
        return sm4(sessionKey(key), mode, iv, data, true);
    }

    @Override
    public byte[] decrypt(SessionKey key, SymmetricMode mode, byte[] iv, byte[] data) {
        return sm4(sessionKey(key), mode, iv, data, false);
    }

    @Override
    public void destroyKey(SessionKey key) {
        if (key != null && key.handle() instanceof SoftSessionKey s) {
            java.util.Arrays.fill(s.key, (byte) 0);
        }
    }

    @Override
    public void close() {
        closed = true;
        granted.clear();
    }

    private SoftKey sm2(KeyRef key) {
        open();
        SoftKey k = store.get(key.index());
        if (k.type() != SoftKey.Type.SM2) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYNOTEXIST, "not an SM2 key: " + key);
        }
        return k;
    }

    private byte[] kek(KeyRef key) {
        open();
        SoftKey k = store.get(key.index());
        if (k.type() != SoftKey.Type.KEK) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYNOTEXIST, "not a KEK: " + key);
        }
        return k.kek();
    }

    private void requireAccess(KeyRef key) {
        if (!granted.contains(key.index())) {
            throw new CipherDeviceException(CipherDeviceException.SDR_PARDENY,
                    "no private key access right for " + key);
        }
    }

    private void open() {
        if (closed) {
            throw new CipherDeviceException(CipherDeviceException.SDR_OPENSESSION, "session is closed");
        }
    }

    private byte[] sessionKey(SessionKey key) {
        open();
        if (key == null || !(key.handle() instanceof SoftSessionKey s)) {
            throw new CipherDeviceException(CipherDeviceException.SDR_KEYERR, "not a session key of this device");
        }
        return s.key;
    }

    private static byte[] sm4(byte[] key, SymmetricMode mode, byte[] iv, byte[] data, boolean encrypt) {
        if (data == null || data.length == 0 || data.length % 16 != 0) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR,
                    "SM4 data length must be a positive multiple of 16 (no padding)");
        }
        BlockCipher cipher;
        if (mode == SymmetricMode.SM4_CBC) {
            if (iv == null || iv.length != 16) {
                throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "SM4-CBC needs a 16-byte IV");
            }
            cipher = CBCBlockCipher.newInstance(new SM4Engine());
            cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        } else {
            cipher = new SM4Engine();
            cipher.init(encrypt, new KeyParameter(key));
        }
        byte[] out = new byte[data.length];
        for (int off = 0; off < data.length; off += 16) {
            cipher.processBlock(data, off, out, off);
        }
        return out;
    }

    private static byte[] toBytes(char[] chars) {
        return new String(chars).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Opaque handle of a session key. */
    private static final class SoftSessionKey {
        private final byte[] key;

        SoftSessionKey(byte[] key) {
            this.key = key;
        }
    }
}
