package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.v1.SESeal;
import cn.hrss.seal.core.ses.v1.SesSignature;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERUTCTime;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** GM/T 0031-2014 (v1) samples constructed here, in the standard form and the tolerated vendor variants. */
class SesV1Test {
    private static final byte[] DATA_HASH = Sm3.hash(SesFixtures.ORIGINAL);

    @Test
    void standardV1SealAndSignatureAreDetectedAndVerify() {
        byte[] signature = V1Sample.standard().signature();

        SignatureView view = new SesParser().parseSignature(signature);

        assertThat(view.version()).isEqualTo(SesVersion.GMT_0031_2014);
        assertThat(view.seal().version()).isEqualTo(SesVersion.GMT_0031_2014);
        assertThat(view.seal().name()).isEqualTo("v1 seal");
        assertThat(view.seal().validStart()).isEqualTo(SesFixtures.VALID_FROM);
        assertThat(view.signerCertificate()).isEqualTo(SesFixtures.SIGNER.certificate());
        // "2026-03-01 16:30:15" written as China wall-clock time
        assertThat(view.signingTime()).contains(SesFixtures.SIGNED_AT);
        SesVerification result = SesVerifier.verify(view, DATA_HASH);
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.status()).as(c.reason())
                .isEqualTo(SesCheck.Status.PASSED));
    }

    @Test
    void v1SealSignatureCoversSealInfoCertAndAlgorithm() {
        SESeal seal = SESeal.getInstance(V1Sample.standard().seal());
        byte[] expected = Der.sequence(seal.sealInfo().encoded(), Der.octets(seal.signInfo().cert()),
                Der.oid(seal.signInfo().signatureAlgorithm()));
        assertThat(seal.signedBytes()).isEqualTo(expected);
        assertThat(new SesParser().parseSeal(seal.encoded()).signedBytes()).isEqualTo(expected);
    }

    @Test
    void v1SealSignedWithTheV4ScopeDoesNotVerify() {
        V1Sample sample = V1Sample.standard();
        sample.v4Scope = true;
        SealView view = new SesParser().parseSeal(sample.seal());
        assertThat(SesVerifier.sealSignature(view).status()).isEqualTo(SesCheck.Status.FAILED);
    }

    @Test
    void octetStringsGeneralizedTimesAndRawSignatureAreTolerated() {
        V1Sample sample = V1Sample.standard();
        sample.octetStrings = true;
        sample.generalizedTimes = true;
        sample.rawSignatures = true;

        SignatureView view = new SesParser().parseSignature(sample.signature());

        assertThat(view.dataHash()).isEqualTo(DATA_HASH);
        assertThat(view.seal().validEnd()).isEqualTo(SesFixtures.VALID_TO);
        assertThat(SesVerifier.sealSignature(view.seal()).passed()).isTrue();
        assertThat(SesVerifier.verify(view, DATA_HASH).verdict()).isEqualTo(SesCheck.Status.PASSED);
    }

    @Test
    void timeStampTokenAsTimeInfoLeavesTheSigningTimeOpen() {
        V1Sample sample = V1Sample.standard();
        sample.timeInfo = new byte[] {0x30, 0x03, 0x02, 0x01, 0x01};
        SesSignature signature = SesSignature.getInstance(sample.signature());
        assertThat(signature.toSign().signingTime()).isEmpty();
        assertThat(signature.toSign().timeInfo()).isEqualTo(sample.timeInfo);
        SesVerification result = SesVerifier.verify(SesParser.view(signature), DATA_HASH);
        assertThat(result.check(SesCheck.Kind.SEAL_VALIDITY).status()).isEqualTo(SesCheck.Status.INDETERMINATE);
        assertThat(result.verdict()).isEqualTo(SesCheck.Status.INDETERMINATE);
    }

    /** Builds v1 structures by hand, since this module only reads v1. */
    static final class V1Sample {
        boolean octetStrings;
        boolean generalizedTimes;
        boolean rawSignatures;
        boolean v4Scope;
        byte[] timeInfo = "2026-03-01 16:30:15".getBytes(StandardCharsets.US_ASCII);

        static V1Sample standard() {
            return new V1Sample();
        }

        byte[] seal() {
            byte[] property = Der.sequence(Der.integer(1), Der.utf8("v1 seal"),
                    Der.sequence(Der.octets(SesFixtures.SIGNER.certificate())), time(SesFixtures.CREATED),
                    time(SesFixtures.VALID_FROM), time(SesFixtures.VALID_TO));
            byte[] sealInfo = Der.sequence(Der.sequence(Der.ia5("ES"), Der.integer(1), Der.ia5("HRSS")),
                    Der.ia5("v1-seal-0001"), property,
                    Der.sequence(Der.ia5("PNG"), Der.octets(SesFixtures.PICTURE), Der.integer(40), Der.integer(40)));
            byte[] cert = Der.octets(SesFixtures.MAKER.certificate());
            byte[] alg = Der.oid(Sm2.SM3_WITH_SM2.getAlgorithm());
            byte[] scope = v4Scope ? sealInfo : Der.sequence(sealInfo, cert, alg);
            byte[] signData = signatureBytes(SesFixtures.MAKER.signer().sign(scope));
            return Der.sequence(sealInfo, Der.sequence(cert, alg, Der.bitString(signData)));
        }

        byte[] signature() {
            byte[] tbs = Der.sequence(Der.integer(1), seal(), bits(timeInfo), bits(DATA_HASH),
                    Der.ia5(SesFixtures.PROPERTY_INFO), Der.octets(SesFixtures.SIGNER.certificate()),
                    Der.oid(Sm2.SM3_WITH_SM2.getAlgorithm()));
            return Der.sequence(tbs, bits(signatureBytes(SesFixtures.SIGNER.signer().sign(tbs))));
        }

        private byte[] signatureBytes(byte[] der) {
            return rawSignatures ? Sm2.derToRaw(der) : der;
        }

        private byte[] bits(byte[] value) {
            return octetStrings ? Der.octets(value) : Der.bitString(value);
        }

        private byte[] time(Instant t) {
            try {
                return generalizedTimes ? new DERGeneralizedTime(Date.from(t)).getEncoded()
                        : new DERUTCTime(Date.from(t)).getEncoded();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
