package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SesSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Known answers: with fixed keys, k, times and inputs our seal and signature are exactly the DER in
 * test resources ses/*.hex, and an independent verifier (BouncyCastle's JCA SM3withSM2) accepts both signatures.
 */
class SesKnownAnswerTest {

    @Test
    void sealHasTheKnownDerEncoding() {
        assertThat(hex(SesFixtures.seal().encoded())).isEqualTo(fixture("kat-seal-v4.hex"));
    }

    @Test
    void signatureHasTheKnownDerEncoding() {
        assertThat(hex(SesFixtures.signature(SesFixtures.seal()).encoded()))
                .isEqualTo(fixture("kat-signature-v4.hex"));
    }

    @Test
    void ourEncodingIsStrictDerAsBouncyCastleWritesIt() throws IOException {
        SesSignature signature = SesFixtures.signature(SesFixtures.seal());
        assertThat(signature.toASN1Primitive().getEncoded("DER")).isEqualTo(signature.encoded());
    }

    @Test
    void bouncyCastleJcaVerifiesTheMakerAndSignerSignatures() throws Exception {
        SESeal seal = SESeal.getInstance(HexFormat.of().parseHex(fixture("kat-seal-v4.hex")));
        assertThat(jcaVerify(seal.cert(), seal.sealInfo().encoded(), seal.signedValue())).isTrue();

        SesSignature signature = SesSignature.getInstance(HexFormat.of().parseHex(fixture("kat-signature-v4.hex")));
        assertThat(jcaVerify(signature.cert(), signature.toSign().encoded(), signature.signature())).isTrue();
    }

    @Test
    void parsingTheFixturesAndReEncodingGivesTheSameBytes() {
        byte[] sealDer = HexFormat.of().parseHex(fixture("kat-seal-v4.hex"));
        byte[] sigDer = HexFormat.of().parseHex(fixture("kat-signature-v4.hex"));
        SESeal seal = SESeal.getInstance(sealDer);
        SESeal rebuilt = new SESeal(seal.sealInfo(), seal.cert(), seal.signAlgId(), seal.signedValue());
        assertThat(rebuilt.encoded()).isEqualTo(sealDer);
        SesSignature sig = SesSignature.getInstance(sigDer);
        assertThat(new SesSignature(sig.toSign(), sig.cert(), sig.signatureAlgId(), sig.signature(),
                sig.timeStamp()).encoded()).isEqualTo(sigDer);
        assertThat(sig.toSign().eseal().encoded()).isEqualTo(sealDer);
    }

    private static boolean jcaVerify(byte[] certificate, byte[] data, byte[] signature) throws Exception {
        X509Certificate cert = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                .getCertificate(new X509CertificateHolder(certificate));
        Signature verifier = Signature.getInstance("SM3withSM2", BouncyCastle.PROVIDER);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String fixture(String name) {
        try (InputStream in = SesKnownAnswerTest.class.getResourceAsStream("/ses/" + name)) {
            if (in == null) {
                return fail("missing test resource ses/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
