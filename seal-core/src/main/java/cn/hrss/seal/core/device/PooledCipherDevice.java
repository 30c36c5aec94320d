package cn.hrss.seal.core.device;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Base for devices: implements the convenience operations of {@link CipherDevice} over a pool of sessions.
 * A pooled session keeps the private-key access rights it was granted, so the password check happens once
 * per session and key, as with a real cipher machine.
 */
public abstract class PooledCipherDevice implements CipherDevice {
    private final BlockingQueue<PooledSession> idle;
    private volatile boolean closed;

    protected PooledCipherDevice(int maxIdleSessions) {
        if (maxIdleSessions < 1) {
            throw new IllegalArgumentException("maxIdleSessions must be at least 1");
        }
        this.idle = new ArrayBlockingQueue<>(maxIdleSessions);
    }

    /** The password that unlocks a key's private-key access right (from configuration). */
    protected abstract char[] passwordFor(KeyRef key);

    protected <T> T withSession(Function<PooledSession, T> work) {
        if (closed) {
            throw new CipherDeviceException(CipherDeviceException.SDR_OPENSESSION, "device is closed");
        }
        PooledSession s = idle.poll();
        if (s == null) {
            s = new PooledSession(openSession());
        }
        boolean healthy = false;
        try {
            T result = work.apply(s);
            healthy = true;
            return result;
        } finally {
            if (!healthy || closed || !idle.offer(s)) {
                s.session.close();
            }
        }
    }

    @Override
    public byte[] sign(KeyRef key, byte[] digest) {
        return withSession(s -> s.withAccess(key).internalSign(key, digest));
    }

    @Override
    public boolean verify(KeyRef key, byte[] digest, byte[] derSignature) {
        return withSession(s -> s.session.internalVerify(key, digest, derSignature));
    }

    @Override
    public Sm2PublicKey exportSignPublicKey(KeyRef key) {
        return withSession(s -> s.session.exportSignPublicKey(key));
    }

    @Override
    public Sm2PublicKey exportEncPublicKey(KeyRef key) {
        return withSession(s -> s.session.exportEncPublicKey(key));
    }

    @Override
    public byte[] decrypt(KeyRef key, byte[] sm2Cipher) {
        return withSession(s -> s.withAccess(key).internalDecrypt(key, sm2Cipher));
    }

    @Override
    public byte[] encrypt(Sm2PublicKey publicKey, byte[] plaintext) {
        return withSession(s -> s.session.externalEncrypt(publicKey, plaintext));
    }

    @Override
    public byte[] generateRandom(int length) {
        return withSession(s -> s.session.generateRandom(length));
    }

    /**
     * Authenticated SM4 under a KEK, using only GM/T 0018-2012 operations (which have no AEAD mode): two fresh
     * session keys wrapped by the KEK, SM4-CBC with PKCS#7 padding (SDF_Encrypt pads nothing) under the first,
     * then encrypt-then-MAC with tag = SM4-ECB_k2(SM3(everything before the tag)), i.e. a PRP over a
     * collision-resistant hash. Layout: version 1 || wrapped k1 || wrapped k2 (each with a 2-byte length)
     * || 16-byte IV || ciphertext || 32-byte tag.
     */
    @Override
    public byte[] sm4Encrypt(KeyRef kek, byte[] plaintext) {
        return withSession(s -> {
            DeviceSession d = s.session();
            SessionKey encKey = d.generateKeyWithKek(kek);
            SessionKey macKey = d.generateKeyWithKek(kek);
            try {
                byte[] iv = d.generateRandom(16);
                byte[] ct = d.encrypt(encKey, SymmetricMode.SM4_CBC, iv, Padding.pad(plaintext));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(ct.length + 128);
                out.write(SM4_FORMAT_VERSION);
                writeWithLength(out, encKey.wrappedKey());
                writeWithLength(out, macKey.wrappedKey());
                out.writeBytes(iv);
                out.writeBytes(ct);
                byte[] body = out.toByteArray();
                out.writeBytes(tag(d, macKey, body, body.length));
                return out.toByteArray();
            } finally {
                d.destroyKey(encKey);
                d.destroyKey(macKey);
            }
        });
    }

    @Override
    public byte[] sm4Decrypt(KeyRef kek, byte[] data) {
        Sm4Envelope env = Sm4Envelope.parse(data);
        return withSession(s -> {
            DeviceSession d = s.session();
            SessionKey encKey = d.importKeyWithKek(kek, env.wrappedEncKey);
            SessionKey macKey = d.importKeyWithKek(kek, env.wrappedMacKey);
            try {
                byte[] expected = tag(d, macKey, data, data.length - TAG_LENGTH);
                byte[] actual = java.util.Arrays.copyOfRange(data, data.length - TAG_LENGTH, data.length);
                if (!java.security.MessageDigest.isEqual(expected, actual)) {
                    throw new CipherDeviceException(CipherDeviceException.SDR_MACERR,
                            "SM4 ciphertext failed its integrity check");
                }
                return Padding.unpad(d.decrypt(encKey, SymmetricMode.SM4_CBC, env.iv, env.cipherText));
            } finally {
                d.destroyKey(encKey);
                d.destroyKey(macKey);
            }
        });
    }

    private static final int SM4_FORMAT_VERSION = 1;
    private static final int TAG_LENGTH = 32;

    private static byte[] tag(DeviceSession d, SessionKey macKey, byte[] data, int length) {
        org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
        sm3.update(data, 0, length);
        byte[] h = new byte[32];
        sm3.doFinal(h, 0);
        return d.encrypt(macKey, SymmetricMode.SM4_ECB, null, h);
    }

    private static void writeWithLength(java.io.ByteArrayOutputStream out, byte[] b) {
        out.write(b.length >>> 8);
        out.write(b.length);
        out.writeBytes(b);
    }

    /** The parsed layout of {@link #sm4Encrypt} output; structural errors are SDR_INARGERR. */
    private record Sm4Envelope(byte[] wrappedEncKey, byte[] wrappedMacKey, byte[] iv, byte[] cipherText) {
        static Sm4Envelope parse(byte[] data) {
            CipherDeviceException malformed =
                    new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "malformed SM4 ciphertext");
            if (data == null || data.length < 1 + 2 + 2 + 16 + 16 + TAG_LENGTH || data[0] != SM4_FORMAT_VERSION) {
                throw malformed;
            }
            int pos = 1;
            int l1 = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
            pos += 2;
            if (l1 == 0 || pos + l1 + 2 > data.length) {
                throw malformed;
            }
            byte[] k1 = java.util.Arrays.copyOfRange(data, pos, pos + l1);
            pos += l1;
            int l2 = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
            pos += 2;
            int ctLen = data.length - pos - l2 - 16 - TAG_LENGTH;
            if (l2 == 0 || ctLen <= 0 || ctLen % 16 != 0) {
                throw malformed;
            }
            byte[] k2 = java.util.Arrays.copyOfRange(data, pos, pos + l2);
            pos += l2;
            byte[] iv = java.util.Arrays.copyOfRange(data, pos, pos + 16);
            pos += 16;
            return new Sm4Envelope(k1, k2, iv, java.util.Arrays.copyOfRange(data, pos, pos + ctLen));
        }
    }

    @Override
    public void close() {
        closed = true;
        PooledSession s;
        while ((s = idle.poll()) != null) {
            s.session.close();
        }
        closeDevice();
    }

    /** Releases the device itself once the pooled sessions are closed. */
    protected abstract void closeDevice();

    /** A pooled session and the keys it holds access rights for. */
    protected final class PooledSession {
        private final DeviceSession session;
        private final Set<Integer> granted = new HashSet<>();

        PooledSession(DeviceSession session) {
            this.session = session;
        }

        public DeviceSession session() {
            return session;
        }

        DeviceSession withAccess(KeyRef key) {
            if (!granted.contains(key.index())) {
                session.getPrivateKeyAccessRight(key, passwordFor(key));
                granted.add(key.index());
            }
            return session;
        }
    }

    /** PKCS#7 padding for the 16-byte SM4 block. */
    static final class Padding {
        private Padding() {
        }

        static byte[] pad(byte[] in) {
            int p = 16 - in.length % 16;
            byte[] out = java.util.Arrays.copyOf(in, in.length + p);
            java.util.Arrays.fill(out, in.length, out.length, (byte) p);
            return out;
        }

        static byte[] unpad(byte[] in) {
            if (in.length == 0 || in.length % 16 != 0) {
                throw new CipherDeviceException(CipherDeviceException.SDR_SYMOPERR, "bad padding");
            }
            int p = in[in.length - 1] & 0xff;
            if (p < 1 || p > 16) {
                throw new CipherDeviceException(CipherDeviceException.SDR_SYMOPERR, "bad padding");
            }
            for (int i = in.length - p; i < in.length; i++) {
                if ((in[i] & 0xff) != p) {
                    throw new CipherDeviceException(CipherDeviceException.SDR_SYMOPERR, "bad padding");
                }
            }
            return java.util.Arrays.copyOf(in, in.length - p);
        }
    }
}
