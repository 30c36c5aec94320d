package cn.hrss.seal.application.data;

import cn.hrss.seal.application.ofd.OfdTestPki;
import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SignatureView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library alone (no Spring): what a detached data signature contains and that it verifies. */
class DataSignerTest {
    private static final byte[] DATA = "{\"benefit\":\"pension\",\"amount\":3200}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    private static OfdTestPki pki;
    private static SealSigningKey key;
    private static DataSigner signer;
    private static DetachedSignatureVerifier verifier;

    @BeforeAll
    static void pki() {
        pki = new OfdTestPki(dir);
        key = pki.sealKey("数据专用章", 40, 40);
        Clock at = Clock.fixed(OfdTestPki.SIGNED_AT, ZoneOffset.UTC);
        signer = new DataSigner(key, Optional.of(pki.timeStamps(OfdTestPki.SIGNED_AT)), at);
        verifier = new DetachedSignatureVerifier(List.of(pki.root()), RevocationSource.notChecked(),
                SealStatusSource.notChecked(), Clock.offset(at, Duration.ofDays(1)), SesLimits.DEFAULT);
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    @Test
    void theSignatureHoldsTheDataHashTheSealAndATimeStampAndVerifies() {
        byte[] signature = signer.sign(DATA, "signId=42");

        SignatureView view = new SesParser().parseSignature(signature);
        assertThat(view.dataHash()).isEqualTo(Sm3.hash(DATA));
        assertThat(view.propertyInfo()).isEqualTo("signId=42");
        assertThat(view.seal().esId()).isEqualTo(new SesParser().parseSeal(key.seal()).esId());
        assertThat(view.signingTime()).contains(OfdTestPki.SIGNED_AT);
        assertThat(view.timeStamp()).isPresent();

        VerificationReport report = verifier.verify(signature, DATA);
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.PASSED);
        assertThat(verifier.verify(signature, "other data".getBytes(StandardCharsets.UTF_8)).verdict())
                .isEqualTo(Verdict.FAILED);
    }

    @Test
    void aGivenDigestSignsTheSameAsTheData() {
        byte[] signature = signer.signDigest(Sm3.hash(DATA), "signRequest=r;document=0");
        assertThat(verifier.verify(signature, DATA).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(verifier.verifyDigest(signature, Sm3.hash(DATA)).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void theSignatureDigestIsThatOfTheBytesWhateverTheLengthOfTheTail() {
        // propertyInfo lengths across the DER short/long length boundary change the TBS_Sign header
        for (int length : new int[] {1, 100, 127, 128, 300, DataSigner.MAX_PROPERTY_INFO}) {
            DataSigner.DataSignature signed = signer.signDigest(Sm3.hash(DATA), "p".repeat(length), length % 2 == 0);
            byte[] encoded = signed.encoded().toByteArray();
            assertThat(signed.sm3()).isEqualTo(Sm3.hash(encoded));
            assertThat(new SesParser().parseSignature(encoded).timeStamp().isPresent())
                    .isEqualTo(length % 2 == 0).isEqualTo(signed.timeStampToken() != null);
            assertThat(verifier.verifyDigest(encoded, Sm3.hash(DATA)).signatures().get(0).checks())
                    .filteredOn(c -> c.check() == Check.SIGNER_SIGNATURE)
                    .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.PASSED)).hasSize(1);
        }
    }

    @Test
    void badDigestsAndPropertyInfoAreRefusedBeforeTheDeviceSigns() {
        assertThatThrownBy(() -> signer.signDigest(new byte[31], "p")).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo(DataSigner.DIGEST_INVALID));
        assertThatThrownBy(() -> signer.signDigest(Sm3.hash(DATA), "用途")).isInstanceOfSatisfying(
                SealException.class, e -> assertThat(e.code()).isEqualTo("PROPERTY_INFO_INVALID"));
        assertThatThrownBy(() -> signer.signDigest(Sm3.hash(DATA), "x".repeat(DataSigner.MAX_PROPERTY_INFO + 1)))
                .isInstanceOf(SealException.class);
    }

    @Test
    void aSealPastItsValidityDoesNotSign() {
        DataSigner late = new DataSigner(key, Optional.empty(),
                Clock.fixed(OfdTestPki.NOT_AFTER.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        assertThatThrownBy(() -> late.sign(DATA, "p")).isInstanceOf(SealException.class);
    }
}
