package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.verify.CertificatePathValidator;
import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.application.verify.VerificationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes to a signed OFD and the check that reports each. */
class OfdTamperingTest {
    private static final String SIGN = "Doc_0/Signs/Sign_0/";

    @TempDir
    static Path dir;
    private static OfdTestPki pki;
    private static byte[] signed;

    @BeforeAll
    static void sign() {
        pki = new OfdTestPki(dir);
        signed = new OfdSigner().sign(OfdSamples.document(List.of(List.of("第一页"), List.of("第二页"))),
                pki.sealKey("测试单位公章", 40, 40), OfdPlacement.at(0, 100, 100), OfdTestPki.SIGNED_AT,
                pki.timeStamps(OfdTestPki.SIGNED_AT.plusSeconds(1)));
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    private static SignatureReport verify(Map<String, byte[]> files) {
        VerificationReport report = new OfdVerifier(List.of(pki.root())).verify(OfdSamples.zipBytes(files));
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    private static SignatureReport verifyWith(String path, byte[] content) {
        Map<String, byte[]> files = OfdSamples.unzip(signed);
        files.put(path, content);
        return verify(files);
    }

    private static byte[] flipped(String path, int offsetFromEnd) {
        byte[] data = OfdSamples.unzip(signed).get(path);
        data[data.length - offsetFromEnd] ^= 0x01;
        return data;
    }

    private static CheckResult check(SignatureReport report, Check check) {
        return report.check(check).orElseThrow();
    }

    @Test
    void untouchedDocumentPasses() {
        assertThat(verify(OfdSamples.unzip(signed)).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void relativeBaseLocInSignaturesXmlIsResolved() {
        // Signatures.xml is not protected (ContinueSign); Koal writes BaseLoc relative to it
        Map<String, byte[]> files = OfdSamples.unzip(signed);
        String list = new String(files.get("Doc_0/Signs/Signatures.xml"), StandardCharsets.UTF_8);
        files.put("Doc_0/Signs/Signatures.xml", list.replace("BaseLoc=\"/Doc_0/Signs/Sign_0/Signature.xml\"",
                "BaseLoc=\"Sign_0/Signature.xml\"").getBytes(StandardCharsets.UTF_8));
        assertThat(new String(files.get("Doc_0/Signs/Signatures.xml"), StandardCharsets.UTF_8))
                .contains("BaseLoc=\"Sign_0/Signature.xml\"");
        assertThat(verify(files).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void oneFlippedByteInAPageFailsIntegrity() {
        SignatureReport report = verifyWith("Doc_0/Pages/Page_1/Content.xml",
                flipped("Doc_0/Pages/Page_1/Content.xml", 20));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(report, Check.DOCUMENT_INTEGRITY).code()).isEqualTo(OfdSignatureValidation.REFERENCE_MISMATCH);
        assertThat(check(report, Check.DOCUMENT_INTEGRITY).reason()).contains("/Doc_0/Pages/Page_1/Content.xml");
        assertThat(check(report, Check.SIGNER_SIGNATURE).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void removedProtectedFileFailsIntegrity() {
        Map<String, byte[]> files = OfdSamples.unzip(signed);
        files.remove("Doc_0/PublicRes.xml");
        assertThat(check(verify(files), Check.DOCUMENT_INTEGRITY).code())
                .isEqualTo(OfdSignatureValidation.REFERENCE_MISSING);
    }

    @Test
    void tamperedSignedValueFailsTheSignerSignature() {
        // flip a byte of the SM2 signature: SignedValue.dat ends with signature (72 bytes max) and the token
        byte[] value = OfdSamples.unzip(signed).get(SIGN + "SignedValue.dat");
        var ses = new cn.hrss.seal.core.ses.SesParser().parseSignature(value);
        int at = indexOf(value, ses.signatureValue()) + ses.signatureValue().length - 3;
        value[at] ^= 0x01;
        SignatureReport report = verifyWith(SIGN + "SignedValue.dat", value);

        assertThat(check(report, Check.SIGNER_SIGNATURE).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(report, Check.DOCUMENT_INTEGRITY).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(check(report, Check.TIME_STAMP).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void changedSignatureXmlFailsTheDataHash() {
        String xml = new String(OfdSamples.unzip(signed).get(SIGN + "Signature.xml"), StandardCharsets.UTF_8);
        SignatureReport report = verifyWith(SIGN + "Signature.xml",
                xml.replace("Boundary=\"100 100 40 40\"", "Boundary=\"10 10 40 40\"").getBytes(StandardCharsets.UTF_8));

        assertThat(check(report, Check.DOCUMENT_INTEGRITY).code()).isEqualTo(OfdSignatureValidation.DATA_HASH_MISMATCH);
        assertThat(check(report, Check.SIGNER_SIGNATURE).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void otherSealFileFailsTheSealCheckAndIntegrity() {
        SignatureReport report = verifyWith(SIGN + "Seal.esl", pki.sealKey("另一枚章", 40, 40).seal());

        assertThat(check(report, Check.SEAL).code()).isEqualTo(OfdSignatureValidation.SEAL_MISMATCH);
        assertThat(check(report, Check.DOCUMENT_INTEGRITY).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void garbageSignedValueIsAFormatFailure() {
        SignatureReport report = verifyWith(SIGN + "SignedValue.dat", new byte[] {0x30, 0x05, 1, 2});

        assertThat(report.checks()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo(Check.FORMAT);
            assertThat(c.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(c.code()).isEqualTo("SES_TRUNCATED");
        });
    }

    @Test
    void missingSignatureXmlIsAFormatFailure() {
        Map<String, byte[]> files = OfdSamples.unzip(signed);
        files.remove(SIGN + "Signature.xml");
        assertThat(check(verify(files), Check.FORMAT).code()).isEqualTo(OfdException.MALFORMED);
    }

    @Test
    void trustedRootWithTheSameNameButAnotherKeyFailsBothChains() throws Exception {
        try (OfdTestPki other = new OfdTestPki(dir.resolve("other"))) {
            SignatureReport report = new OfdVerifier(List.of(other.root())).verify(signed).signatures().get(0);
            assertThat(check(report, Check.CERTIFICATE_CHAIN).code())
                    .isEqualTo(CertificatePathValidator.BAD_CERTIFICATE_SIGNATURE);
            assertThat(check(report, Check.SEAL).code()).isEqualTo(CertificatePathValidator.BAD_CERTIFICATE_SIGNATURE);
            assertThat(check(report, Check.SEAL).reason()).contains("maker certificate");
            assertThat(check(report, Check.SIGNER_SIGNATURE).verdict()).isEqualTo(Verdict.PASSED);
            assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        }
    }

    @Test
    void noTrustedRootLeavesTheChainsIndeterminate() {
        SignatureReport report = new OfdVerifier(List.of()).verify(signed).signatures().get(0);
        assertThat(check(report, Check.CERTIFICATE_CHAIN).verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check(report, Check.SEAL).verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void unsignedDocumentIsIndeterminateWithoutSignatures() {
        VerificationReport report = new OfdVerifier(List.of(pki.root()))
                .verify(OfdSamples.document(List.of(List.of("x"))));
        assertThat(report.signatures()).isEmpty();
        assertThat(report.documentChecks()).singleElement()
                .satisfies(c -> assertThat(c.code()).isEqualTo(VerificationReport.NO_SIGNATURE));
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
