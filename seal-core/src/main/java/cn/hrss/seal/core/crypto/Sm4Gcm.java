package cn.hrss.seal.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.SecureRandom;
import java.util.Arrays;

/** SM4-GCM authenticated encryption: output = 12-byte nonce || ciphertext || 16-byte tag. */
public final class Sm4Gcm {
    public static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private Sm4Gcm() {
    }

    public static byte[] seal(byte[] key, byte[] plaintext, byte[] aad, SecureRandom random) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        byte[] out = new byte[NONCE_LENGTH + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            gcm.doFinal(out, NONCE_LENGTH + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static byte[] open(byte[] key, byte[] sealed, byte[] aad) throws InvalidCipherTextException {
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new InvalidCipherTextException("sealed data too short");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_LENGTH);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        byte[] out = new byte[gcm.getOutputSize(sealed.length - NONCE_LENGTH)];
        int n = gcm.processBytes(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH, out, 0);
        n += gcm.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
