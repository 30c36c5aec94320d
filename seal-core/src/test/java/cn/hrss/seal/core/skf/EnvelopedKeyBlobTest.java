package cn.hrss.seal.core.skf;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopedKeyBlobTest {
    private final SecureRandom random = new SecureRandom();
    private final BigInteger holder = key();
    private final BigInteger seal = key();

    @Test
    void holderImportsTheSealKeyAndItMatchesTheEnvelopedPublicKey() throws Exception {
        byte[] encoded = wrap().getEncoded();
        EnvelopedKeyBlob parsed = EnvelopedKeyBlob.getInstance(encoded);
        assertThat(parsed.unwrap(holder)).isEqualTo(seal);
        assertThat(parsed.publicKey()).isEqualTo(Sm2PublicKey.fromPoint(Sm2.publicPoint(seal)));
        assertThat(parsed.getEncoded()).isEqualTo(encoded);
    }

    @Test
    void layoutIsThePackedSkfStructureWithLittleEndianUlongs() {
        byte[] encoded = wrap().getEncoded();
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt(0)).isEqualTo(1);
        assertThat(in.getInt(4)).isEqualTo(0x401);
        assertThat(in.getInt(8)).isEqualTo(256);
        assertThat(in.getInt(76)).isEqualTo(256);
        byte[] x = Arrays.copyOfRange(encoded, 80 + 32, 80 + 64);
        assertThat(x).isEqualTo(Sm2PublicKey.fromPoint(Sm2.publicPoint(seal)).x());
        // ECCCIPHERBLOB starts at 208: X[64] Y[64] HASH[32] CipherLen, then the 16-byte SM4 key ciphertext
        assertThat(in.getInt(208 + 160)).isEqualTo(16);
        assertThat(encoded).hasSize(208 + 164 + 16);
    }

    @Test
    void anotherHoldersKeyCannotOpenIt() {
        EnvelopedKeyBlob blob = wrap();
        assertThatThrownBy(() -> blob.unwrap(key())).isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void aSwappedPublicKeyIsDetectedOnImport() {
        byte[] encoded = wrap().getEncoded();
        Sm2PublicKey other = Sm2PublicKey.fromPoint(Sm2.publicPoint(key()));
        System.arraycopy(other.x(), 0, encoded, 80 + 32, 32);
        System.arraycopy(other.y(), 0, encoded, 144 + 32, 32);
        EnvelopedKeyBlob blob = EnvelopedKeyBlob.getInstance(encoded);
        assertThatThrownBy(() -> blob.unwrap(holder)).isInstanceOf(InvalidCipherTextException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void truncatedExtendedAndMalformedBlobsAreRejected() {
        byte[] encoded = wrap().getEncoded();
        for (int length : new int[] {0, 11, 207, 371, encoded.length - 1}) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> EnvelopedKeyBlob.getInstance(truncated))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EnvelopedKeyBlob.getInstance(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvelopedKeyBlob.getInstance(null)).isInstanceOf(IllegalArgumentException.class);
        byte[] wrongAlgorithm = encoded.clone();
        wrongAlgorithm[4] = 0x02;
        assertThatThrownBy(() -> EnvelopedKeyBlob.getInstance(wrongAlgorithm))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] notOnCurve = encoded.clone();
        notOnCurve[80 + 63] ^= 1;
        assertThatThrownBy(() -> EnvelopedKeyBlob.getInstance(notOnCurve))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] overlongCoordinate = encoded.clone();
        overlongCoordinate[80] = 1;
        assertThatThrownBy(() -> EnvelopedKeyBlob.getInstance(overlongCoordinate))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private EnvelopedKeyBlob wrap() {
        byte[] sm4Key = new byte[16];
        random.nextBytes(sm4Key);
        return EnvelopedKeyBlob.wrap(seal, Sm2PublicKey.fromPoint(Sm2.publicPoint(holder)), sm4Key, random);
    }

    private BigInteger key() {
        return new BigInteger(255, random).add(BigInteger.ONE);
    }
}
