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
     * SM4-CBC under a fresh session key wrapped by the KEK, with PKCS#7 padding done here because SDF_Encrypt
     * does none. Layout: 2-byte wrapped-key length || wrapped key || 16-byte IV || ciphertext.
     */
    @Override
    public byte[] sm4Encrypt(KeyRef kek, byte[] plaintext) {
        return withSession(s -> {
            SessionKey sk = s.session.generateKeyWithKek(kek);
            try {
                byte[] iv = s.session.generateRandom(16);
                byte[] ct = s.session.encrypt(sk, SymmetricMode.SM4_CBC, iv, Padding.pad(plaintext));
                byte[] wrapped = sk.wrappedKey();
                byte[] out = new byte[2 + wrapped.length + 16 + ct.length];
                out[0] = (byte) (wrapped.length >>> 8);
                out[1] = (byte) wrapped.length;
                System.arraycopy(wrapped, 0, out, 2, wrapped.length);
                System.arraycopy(iv, 0, out, 2 + wrapped.length, 16);
                System.arraycopy(ct, 0, out, 2 + wrapped.length + 16, ct.length);
                return out;
            } finally {
                s.session.destroyKey(sk);
            }
        });
    }

    @Override
    public byte[] sm4Decrypt(KeyRef kek, byte[] data) {
        if (data == null || data.length < 2) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "SM4 ciphertext too short");
        }
        int wl = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
        int ctLen = data.length - 2 - wl - 16;
        if (wl == 0 || ctLen <= 0 || ctLen % 16 != 0) {
            throw new CipherDeviceException(CipherDeviceException.SDR_INARGERR, "malformed SM4 ciphertext");
        }
        byte[] wrapped = java.util.Arrays.copyOfRange(data, 2, 2 + wl);
        byte[] iv = java.util.Arrays.copyOfRange(data, 2 + wl, 2 + wl + 16);
        byte[] ct = java.util.Arrays.copyOfRange(data, 2 + wl + 16, data.length);
        return withSession(s -> {
            SessionKey sk = s.session.importKeyWithKek(kek, wrapped);
            try {
                return Padding.unpad(s.session.decrypt(sk, SymmetricMode.SM4_CBC, iv, ct));
            } finally {
                s.session.destroyKey(sk);
            }
        });
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
