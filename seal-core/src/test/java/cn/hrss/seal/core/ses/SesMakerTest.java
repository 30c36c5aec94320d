package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SealInfo;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three-step makers: their guards, and the whole flow over a cipher device key. */
class SesMakerTest {

    @Test
    void sealAndSignatureMadeWithDeviceKeysVerify(@TempDir Path dir) throws Exception {
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        try (SoftCipherDevice device = new SoftCipherDevice(dir.resolve("keys.bin"), master, "pw".toCharArray())) {
            KeyRef makerKey = device.generateKeyPair("seal-maker");
            KeyRef signerKey = device.generateKeyPair("unit-seal");
            byte[] makerCert = selfSigned(device, makerKey, "CN=Device Maker");
            byte[] signerCert = selfSigned(device, signerKey, "CN=Device Signer");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            SealInfo info = SesFixtures.sealInfo().signerCertificate(signerCert)
                    .validity(now.minusSeconds(60), now.plus(365, ChronoUnit.DAYS)).build();
            SESeal seal = SealMaker.make(info, makerCert, SesSigner.of(device, makerKey));
            TbsSign tbs = SignatureMaker.toBeSigned(seal, SignatureMaker.dataHash(SesFixtures.ORIGINAL),
                    SesFixtures.PROPERTY_INFO, now, null);
            SesSignature signature = SignatureMaker.sign(tbs, signerCert, SesSigner.of(device, signerKey), null);

            SignatureView view = new SesParser().parseSignature(signature.encoded());
            assertThat(view.signingTime()).contains(now);
            assertThat(SesVerifier.verify(view, Sm3.hash(SesFixtures.ORIGINAL)).verdict())
                    .isEqualTo(SesCheck.Status.PASSED);
        }
    }

    @Test
    void sealSignedByAnotherKeyThanTheMakerCertificateIsRefused() {
        SealInfo info = SesFixtures.sealInfo().build();
        assertThatThrownBy(() -> SealMaker.make(info, SesFixtures.MAKER.certificate(), SesFixtures.SIGNER.signer()))
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo(SealMaker.SIGNATURE_MISMATCH));
    }

    @Test
    void signerWhoseCertificateIsNotInTheSealIsRefused() {
        SESeal seal = SesFixtures.seal();
        TbsSign tbs = SignatureMaker.toBeSigned(seal, Sm3.hash(SesFixtures.ORIGINAL), "p", SesFixtures.SIGNED_AT,
                null);
        assertThatThrownBy(() -> SignatureMaker.sign(tbs, SesFixtures.MAKER.certificate(),
                SesFixtures.MAKER.signer(), null))
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo(SignatureMaker.SIGNER_NOT_IN_SEAL));
    }

    @Test
    void signingOutsideTheSealValidityIsRefused() {
        SESeal seal = SesFixtures.seal();
        assertThatThrownBy(() -> SignatureMaker.toBeSigned(seal, Sm3.hash(SesFixtures.ORIGINAL), "p",
                SesFixtures.VALID_TO.plusSeconds(1), null))
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo(SignatureMaker.SEAL_NOT_VALID));
    }

    @Test
    void dataHashMustBeAnSm3Digest() {
        assertThatThrownBy(() -> SignatureMaker.toBeSigned(SesFixtures.seal(), new byte[20], "p",
                SesFixtures.SIGNED_AT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderRequiresEveryMandatoryField() {
        assertThatThrownBy(() -> SesFixtures.sealInfo().esId(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("esId");
        assertThatThrownBy(() -> SesFixtures.sealInfo().esId("x".repeat(65)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SesFixtures.sealInfo().esId("非ASCII").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SesFixtures.sealInfo().validity(SesFixtures.VALID_TO, SesFixtures.VALID_FROM)
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealInfo.builder().vendorId("v").esId("e").sealType(1).name("n")
                .createDate(SesFixtures.CREATED).validity(SesFixtures.VALID_FROM, SesFixtures.VALID_TO)
                .picture("PNG", SesFixtures.PICTURE, 40, 40).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signer certificate");
        assertThatThrownBy(() -> SesFixtures.sealInfo().limits(new SesLimits(1 << 20, 8, 32, 1000)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("picture");
    }

    private static byte[] selfSigned(SoftCipherDevice device, KeyRef key, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        return new X509v3CertificateBuilder(name, BigInteger.valueOf(key.index() + 1L),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(400, ChronoUnit.DAYS)), name,
                device.exportSignPublicKey(key).toSubjectPublicKeyInfo())
                .build(DeviceContentSigner.create(device, key)).getEncoded();
    }
}
