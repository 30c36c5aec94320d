package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm2Cipher;
import cn.hrss.seal.core.device.DeviceSession;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The C library (OpenSSL) and the Java code (BouncyCastle) agree on SM2 signatures and ciphertexts. */
class SdfInteropTest {
    private static final byte[] MESSAGE = "interop".getBytes(StandardCharsets.UTF_8);
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;
    private SdfCipherDevice sdf;
    private SoftCipherDevice soft;

    @BeforeEach
    void open() {
        sdf = SdfTestLibrary.open();
        soft = new SoftCipherDevice(dir.resolve("soft.sks"), random.generateSeed(16), "pw".toCharArray());
    }

    @AfterEach
    void close() {
        sdf.close();
        soft.close();
    }

    @Test
    void sdfSignaturesVerifyInJava() {
        KeyRef key = sdf.generateKeyPair("interop-sdf-sign-" + System.nanoTime());
        Sm2PublicKey pub = sdf.exportSignPublicKey(key);
        for (int i = 0; i < 20; i++) {
            byte[] e = Sm2.digest(pub, (i + "").getBytes(StandardCharsets.UTF_8));
            byte[] der = sdf.sign(key, e);
            assertThat(Sm2.verifyDigest(pub, e, der)).isTrue();
            try (DeviceSession s = soft.openSession()) {
                assertThat(s.externalVerify(pub, e, der)).isTrue();
            }
        }
    }

    @Test
    void javaSignaturesVerifyWithSdfExternalVerify() {
        KeyRef key = soft.generateKeyPair("java-signer");
        Sm2PublicKey pub = soft.exportSignPublicKey(key);
        byte[] e = Sm2.digest(pub, MESSAGE);
        byte[] der = soft.sign(key, e);
        byte[] otherDigest = Sm2.digest(pub, "other".getBytes(StandardCharsets.UTF_8));

        try (DeviceSession s = sdf.openSession()) {
            assertThat(s.externalVerify(pub, e, der)).isTrue();
            assertThat(s.externalVerify(pub, otherDigest, der)).isFalse();
        }
    }

    @Test
    void publishedSignatureExampleVerifiesWithSdfExternalVerify() {
        HexFormat hex = HexFormat.of();
        // GM/T 0003.5-2012 Annex A (see KnownAnswerTest): public key, e and (r, s)
        Sm2PublicKey pub = Sm2PublicKey.of(
                hex.parseHex("09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"),
                hex.parseHex("CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13"));
        byte[] e = hex.parseHex("F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640");
        byte[] der = Sm2.encodeSignature(
                new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16),
                new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16));

        try (DeviceSession s = sdf.openSession()) {
            assertThat(s.externalVerify(pub, e, der)).isTrue();
        }
    }

    @Test
    void ciphertextsCrossBetweenOpenSslAndBouncyCastle() throws Exception {
        KeyRef key = sdf.generateKeyPair("interop-enc-" + System.nanoTime());
        byte[] fromJava = Sm2Cipher.encrypt(sdf.exportEncPublicKey(key), MESSAGE, random);
        assertThat(sdf.decrypt(key, fromJava)).isEqualTo(MESSAGE);

        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, Sm2.N.subtract(BigInteger.TWO), random);
        byte[] fromSdf = sdf.encrypt(Sm2PublicKey.fromPoint(Sm2.publicPoint(d)), MESSAGE);
        assertThat(Sm2Cipher.decrypt(d, fromSdf)).isEqualTo(MESSAGE);
    }
}
