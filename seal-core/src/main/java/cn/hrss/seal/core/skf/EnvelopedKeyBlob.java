package cn.hrss.seal.core.skf;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm2Cipher;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * The GM/T 0016 (GB/T 35291) {@code ENVELOPEDKEYBLOB} a USBKey imports with {@code SKF_ImportECCKeyPair}: an SM2
 * private key encrypted with SM4-ECB under a one-time symmetric key, that key SM2-encrypted to the holder's
 * protection public key, plus the enveloped key pair's public key. Byte layout (packed, ULONG little-endian as on
 * the C side; every 64-byte field holds its 32-byte value right-aligned):
 * <pre>
 *   ULONG Version = 1 | ULONG ulSymmAlgID = SGD_SM4_ECB | ULONG ulBits = 256
 *   BYTE cbEncryptedPriKey[64]                    SM4-ECB(d)
 *   ECCPUBLICKEYBLOB { ULONG BitLen; BYTE X[64]; BYTE Y[64] }
 *   ECCCIPHERBLOB { BYTE X[64]; BYTE Y[64]; BYTE HASH[32]; ULONG CipherLen; BYTE Cipher[CipherLen] }
 * </pre>
 * Immutable; {@link #getInstance} parses strictly.
 */
public final class EnvelopedKeyBlob {
    public static final int VERSION = 1;
    public static final int SGD_SM4_ECB = 0x00000401;
    private static final int BITS = 256;
    private static final int FIXED_LENGTH = 12 + 64 + (4 + 64 + 64) + (64 + 64 + 32 + 4);
    private static final int SM4_KEY_LENGTH = 16;

    private final byte[] encryptedPrivateKey;
    private final Sm2PublicKey publicKey;
    private final Sm2Cipher.Parts encryptedSymmetricKey;

    private EnvelopedKeyBlob(byte[] encryptedPrivateKey, Sm2PublicKey publicKey, Sm2Cipher.Parts encryptedKey) {
        this.encryptedPrivateKey = encryptedPrivateKey;
        this.publicKey = publicKey;
        this.encryptedSymmetricKey = encryptedKey;
    }

    /**
     * Envelopes a key pair for a holder.
     *
     * @param privateKey   the SM2 private key d being handed over
     * @param holderKey    the holder's protection (encryption) public key
     * @param symmetricKey a fresh 16-byte SM4 key, used once
     */
    public static EnvelopedKeyBlob wrap(BigInteger privateKey, Sm2PublicKey holderKey, byte[] symmetricKey,
                                        SecureRandom random) {
        if (symmetricKey.length != SM4_KEY_LENGTH) {
            throw new IllegalArgumentException("SM4 key must be 16 bytes");
        }
        byte[] d = Sm2.fixed32(privateKey);
        try {
            byte[] encrypted = sm4Ecb(true, symmetricKey, d);
            Sm2Cipher.Parts wrappedKey = Sm2Cipher.parse(Sm2Cipher.encrypt(holderKey, symmetricKey, random));
            return new EnvelopedKeyBlob(encrypted, Sm2PublicKey.fromPoint(Sm2.publicPoint(privateKey)), wrappedKey);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("own SM2 ciphertext did not parse", e);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    /** Parses the blob; {@link IllegalArgumentException} when it is truncated, too long or not this format. */
    public static EnvelopedKeyBlob getInstance(byte[] encoded) {
        if (encoded == null || encoded.length < FIXED_LENGTH) {
            throw new IllegalArgumentException("ENVELOPEDKEYBLOB truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt() != VERSION || in.getInt() != SGD_SM4_ECB || in.getInt() != BITS) {
            throw new IllegalArgumentException("ENVELOPEDKEYBLOB is not version 1 with SM4-ECB and 256-bit keys");
        }
        byte[] encryptedPrivateKey = take(in, 64);
        if (in.getInt() != BITS) {
            throw new IllegalArgumentException("ECCPUBLICKEYBLOB bit length must be 256");
        }
        Sm2PublicKey publicKey;
        try {
            publicKey = Sm2PublicKey.of(coordinate(take(in, 64)), coordinate(take(in, 64)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ENVELOPEDKEYBLOB public key is not an SM2 point", e);
        }
        byte[] x = coordinate(take(in, 64));
        byte[] y = coordinate(take(in, 64));
        byte[] hash = take(in, 32);
        long cipherLength = Integer.toUnsignedLong(in.getInt());
        if (cipherLength != in.remaining() || cipherLength == 0) {
            throw new IllegalArgumentException("ECCCIPHERBLOB CipherLen does not match the data");
        }
        byte[] cipher = take(in, (int) cipherLength);
        return new EnvelopedKeyBlob(encryptedPrivateKey(encryptedPrivateKey), publicKey,
                new Sm2Cipher.Parts(x, y, hash, cipher));
    }

    public byte[] getEncoded() {
        byte[] cipher = encryptedSymmetricKey.cipherText();
        ByteBuffer out = ByteBuffer.allocate(FIXED_LENGTH + cipher.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(VERSION).putInt(SGD_SM4_ECB).putInt(BITS);
        out.put(new byte[32]).put(encryptedPrivateKey);
        out.putInt(BITS).put(new byte[32]).put(publicKey.x()).put(new byte[32]).put(publicKey.y());
        out.put(new byte[32]).put(encryptedSymmetricKey.x()).put(new byte[32]).put(encryptedSymmetricKey.y());
        out.put(encryptedSymmetricKey.hash()).putInt(cipher.length).put(cipher);
        return out.array();
    }

    /** The public key of the enveloped key pair. */
    public Sm2PublicKey publicKey() {
        return publicKey;
    }

    /**
     * What the USBKey does on import: decrypts the symmetric key with the holder's private key, then the private
     * key, and checks that it belongs to {@link #publicKey()}.
     *
     * @throws InvalidCipherTextException when the holder key is not the one the blob was made for
     */
    public BigInteger unwrap(BigInteger holderPrivateKey) throws InvalidCipherTextException {
        byte[] symmetricKey = Sm2Cipher.decrypt(holderPrivateKey, Sm2Cipher.encode(encryptedSymmetricKey));
        if (symmetricKey.length != SM4_KEY_LENGTH) {
            throw new InvalidCipherTextException("enveloped symmetric key is not an SM4 key");
        }
        byte[] d = sm4Ecb(false, symmetricKey, encryptedPrivateKey);
        BigInteger privateKey = new BigInteger(1, d);
        Arrays.fill(d, (byte) 0);
        Arrays.fill(symmetricKey, (byte) 0);
        if (privateKey.signum() == 0 || privateKey.compareTo(Sm2.N) >= 0
                || !Sm2.publicPoint(privateKey).equals(publicKey.point().normalize())) {
            throw new InvalidCipherTextException("enveloped private key does not match the enveloped public key");
        }
        return privateKey;
    }

    /** Accepts the 32-byte ciphertext right-aligned in the 64-byte field (what {@link #getEncoded()} writes). */
    private static byte[] encryptedPrivateKey(byte[] field) {
        for (int i = 0; i < 32; i++) {
            if (field[i] != 0) {
                throw new IllegalArgumentException("cbEncryptedPriKey must hold 32 bytes right-aligned");
            }
        }
        return java.util.Arrays.copyOfRange(field, 32, 64);
    }

    private static byte[] coordinate(byte[] field64) {
        for (int i = 0; i < 32; i++) {
            if (field64[i] != 0) {
                throw new IllegalArgumentException("coordinate does not fit 256 bits");
            }
        }
        return java.util.Arrays.copyOfRange(field64, 32, 64);
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static byte[] sm4Ecb(boolean encrypt, byte[] key, byte[] data) {
        SM4Engine engine = new SM4Engine();
        engine.init(encrypt, new KeyParameter(key));
        byte[] out = new byte[data.length];
        for (int off = 0; off < data.length; off += 16) {
            engine.processBlock(data, off, out, off);
        }
        return out;
    }
}
