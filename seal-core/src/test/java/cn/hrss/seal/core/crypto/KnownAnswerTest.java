package cn.hrss.seal.core.crypto;

import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Published test vectors of the SM algorithms, run against the code the devices use. */
class KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // GB/T 32905-2016 (SM3), Appendix A, examples 1 and 2.
    @Test
    void sm3Examples() {
        assertThat(Sm3.hash(ascii("abc"))).isEqualTo(
                hex("66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487 5cf2f7a2 297da02b 8f4ba8e0"));
        assertThat(Sm3.hash(ascii("abcd".repeat(16)))).isEqualTo(
                hex("debe9ff9 2275b8a1 38604889 c18e5a4d 6fdb70e5 387e5765 293dcba3 9c0c5732"));
    }

    // GB/T 32907-2016 (SM4), Appendix A, examples 1 (one encryption) and 2 (1,000,000 encryptions).
    @Test
    void sm4Examples() {
        byte[] key = hex("0123456789abcdeffedcba9876543210");
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] block = key.clone();

        sm4.processBlock(block, 0, block, 0);
        assertThat(block).isEqualTo(hex("681edf34d206965e86b3e94f536e4246"));

        for (int i = 1; i < 1_000_000; i++) {
            sm4.processBlock(block, 0, block, 0);
        }
        assertThat(block).isEqualTo(hex("595298c7c6fd271f0402f804c33d3f66"));
    }

    /*
     * GM/T 0003.5-2012 (GB/T 32918.5-2017) Annex A signature example on the recommended curve: private key d,
     * message "message digest", default ID 1234567812345678, fixed k. The same values are used by OpenSSL's
     * test/sm2_internal_test.c.
     */
    private static final BigInteger ANNEX_D =
            new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16);
    private static final BigInteger ANNEX_K =
            new BigInteger("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21", 16);
    static final Sm2PublicKey ANNEX_PUBLIC_KEY = Sm2PublicKey.of(
            hex("09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"),
            hex("CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13"));
    static final byte[] ANNEX_E = hex("F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640");
    static final BigInteger ANNEX_R =
            new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16);
    static final BigInteger ANNEX_S =
            new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16);

    @Test
    void sm2SignatureExampleWithFixedK() {
        assertThat(Sm2PublicKey.fromPoint(Sm2.publicPoint(ANNEX_D))).isEqualTo(ANNEX_PUBLIC_KEY);
        assertThat(Sm2.z(ANNEX_PUBLIC_KEY))
                .isEqualTo(hex("B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3"));
        assertThat(Sm2.digest(ANNEX_PUBLIC_KEY, ascii("message digest"))).isEqualTo(ANNEX_E);

        BigInteger[] rs = Sm2.signDigest(ANNEX_D, Sm2.dPlus1Inverse(ANNEX_D), ANNEX_E, () -> ANNEX_K);

        assertThat(rs).containsExactly(ANNEX_R, ANNEX_S);
        assertThat(Sm2.verifyDigest(ANNEX_PUBLIC_KEY.point(), ANNEX_E, ANNEX_R, ANNEX_S)).isTrue();
        assertThat(Sm2.verifyDigest(ANNEX_PUBLIC_KEY.point(), ANNEX_E, ANNEX_R, ANNEX_S.add(BigInteger.ONE)))
                .isFalse();
    }

    /*
     * GM/T 0003.5-2012 Annex encryption example: same key, k as above, message "encryption standard";
     * C1 = (x1, y1), C3, C2 as published (also in emmansun/gmsm's sm2 tests as GM/T 0009 DER).
     */
    static final Sm2Cipher.Parts ANNEX_CIPHER = new Sm2Cipher.Parts(
            hex("04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73"),
            hex("E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0"),
            hex("59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766"),
            hex("21886CA989CA9C7D58087307CA93092D651EFA"));

    @Test
    void sm2DecryptionExample() throws Exception {
        byte[] der = Sm2Cipher.encode(ANNEX_CIPHER);

        assertThat(der).startsWith(hex("307c022004EBFC71"));
        assertThat(Sm2Cipher.decrypt(ANNEX_D, der)).isEqualTo(ascii("encryption standard"));
    }
}
