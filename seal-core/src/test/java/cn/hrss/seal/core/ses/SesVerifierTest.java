package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.SesCheck.Kind;
import cn.hrss.seal.core.ses.SesCheck.Status;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SesSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each check passes on a good signature and fails, with a reason, on exactly the defect it is about. */
class SesVerifierTest {
    private static final SESeal SEAL = SesFixtures.seal();
    private static final SesSignature SIGNATURE = SesFixtures.signature(SEAL);

    @Test
    void goodSignaturePassesEveryCheck() {
        SesVerification result = SesVerifier.verify(SesParser.view(SIGNATURE), Sm3.hash(SesFixtures.ORIGINAL));
        assertThat(result.verdict()).isEqualTo(Status.PASSED);
        assertThat(result.checks()).extracting(SesCheck::kind).containsExactlyInAnyOrder(Kind.values());
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
    }

    @Test
    void otherOriginalFailsOnlyTheDataHash() {
        SesVerification result = SesVerifier.verify(SesParser.view(SIGNATURE), Sm3.hash(new byte[] {1}));
        assertThat(result.verdict()).isEqualTo(Status.FAILED);
        assertThat(result.checks()).filteredOn(c -> c.status() == Status.FAILED).extracting(SesCheck::kind)
                .containsExactly(Kind.DATA_HASH);
    }

    @Test
    void missingOriginalIsIndeterminate() {
        SesVerification result = SesVerifier.verify(SesParser.view(SIGNATURE), null);
        assertThat(result.check(Kind.DATA_HASH).status()).isEqualTo(Status.INDETERMINATE);
        assertThat(result.verdict()).isEqualTo(Status.INDETERMINATE);
    }

    @Test
    void tamperedSealInfoFailsTheSealSignature() {
        SealView good = SesParser.view(SEAL);
        byte[] signed = good.signedBytes();
        signed[signed.length - 1] ^= 1;
        SealView tampered = withSeal(good, signed, good.signatureValue(), good.signatureAlgorithm());
        SesCheck check = SesVerifier.sealSignature(tampered);
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.reason()).contains("does not verify");
    }

    @Test
    void garbageSignatureValueFailsWithReason() {
        SealView good = SesParser.view(SEAL);
        SesCheck check = SesVerifier.sealSignature(withSeal(good, good.signedBytes(), new byte[10],
                good.signatureAlgorithm()));
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.reason()).contains("neither DER");
    }

    @Test
    void unknownAlgorithmIsIndeterminateAndOfdrwTypoIsAccepted() {
        SealView good = SesParser.view(SEAL);
        assertThat(SesVerifier.sealSignature(withSeal(good, good.signedBytes(), good.signatureValue(),
                new ASN1ObjectIdentifier("1.2.840.10045.4.3.2"))).status()).isEqualTo(Status.INDETERMINATE);
        assertThat(SesVerifier.sealSignature(withSeal(good, good.signedBytes(), good.signatureValue(),
                new ASN1ObjectIdentifier("1.2.156.10197.501"))).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void signerNotListedInTheSealFails() {
        SignatureView view = SesParser.view(SIGNATURE);
        SignatureView foreign = new SignatureView(view.version(), view.seal(), SesFixtures.MAKER.certificate(),
                view.signingTime(), view.dataHash(), view.propertyInfo(), view.signatureAlgorithm(),
                view.signedBytes(), view.signatureValue(), view.timeStamp(), view.encoded());
        assertThat(SesVerifier.signerListedInSeal(foreign).status()).isEqualTo(Status.FAILED);
        // and its signature does not verify with the maker's key either
        assertThat(SesVerifier.signerSignature(foreign).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void sealValidityIsCheckedAtTheGivenTime() {
        SealView seal = SesParser.view(SEAL);
        assertThat(SesVerifier.sealValidAt(seal, SesFixtures.VALID_FROM).status()).isEqualTo(Status.PASSED);
        assertThat(SesVerifier.sealValidAt(seal, SesFixtures.VALID_TO).status()).isEqualTo(Status.PASSED);
        assertThat(SesVerifier.sealValidAt(seal, SesFixtures.VALID_FROM.minusSeconds(1)).reason())
                .contains("not yet valid");
        assertThat(SesVerifier.sealValidAt(seal, Instant.parse("2030-01-01T00:00:00Z")).status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void unreadableMakerCertificateFails() {
        SealView good = SesParser.view(SEAL);
        SealView noCert = new SealView(good.version(), good.headerVersion(), good.vendorId(), good.esId(),
                good.sealType(), good.name(), good.createDate(), good.validStart(), good.validEnd(), good.picture(),
                good.certListType(), good.signerCertificates(), good.signerCertificateDigests(),
                new byte[] {0x30, 0x00}, good.signatureAlgorithm(), good.signedBytes(), good.signatureValue(),
                good.encoded());
        SesCheck check = SesVerifier.sealSignature(noCert);
        assertThat(check.status()).isEqualTo(Status.FAILED);
        assertThat(check.reason()).contains("maker certificate");
    }

    @Test
    void rawSignerSignatureIsAcceptedAndStillChecked() {
        SignatureView view = SesParser.view(SIGNATURE);
        byte[] raw = Sm2.derToRaw(view.signatureValue());
        SignatureView rawForm = new SignatureView(view.version(), view.seal(), view.signerCertificate(),
                Optional.of(SesFixtures.SIGNED_AT), view.dataHash(), view.propertyInfo(), view.signatureAlgorithm(),
                view.signedBytes(), raw, view.timeStamp(), view.encoded());
        assertThat(SesVerifier.signerSignature(rawForm).status()).isEqualTo(Status.PASSED);
        raw[5] ^= 1;
        assertThat(SesVerifier.signerSignature(rawForm).status()).isEqualTo(Status.FAILED);
    }

    private static SealView withSeal(SealView s, byte[] signedBytes, byte[] value, ASN1ObjectIdentifier alg) {
        return new SealView(s.version(), s.headerVersion(), s.vendorId(), s.esId(), s.sealType(), s.name(),
                s.createDate(), s.validStart(), s.validEnd(), s.picture(), s.certListType(), s.signerCertificates(),
                s.signerCertificateDigests(), s.makerCertificate(), alg, signedBytes, value, s.encoded());
    }
}
