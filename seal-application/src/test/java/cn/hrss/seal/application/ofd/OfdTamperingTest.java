package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.OfdCheck.Kind;
import cn.hrss.seal.core.ses.SesCheck.Status;
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
    private static OfdSealKey seal;
    private static byte[] signed;

    @BeforeAll
    static void sign() {
        pki = new OfdTestPki(dir);
        seal = pki.sealKey("测试单位公章", 40, 40);
        signed = new OfdSigner().sign(OfdSamples.document(List.of(List.of("第一页"), List.of("第二页"))), seal,
                OfdPlacement.at(0, 100, 100), OfdTestPki.SIGNED_AT, null);
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    private static OfdSignatureReport verifyWith(String path, byte[] content) {
        Map<String, byte[]> files = OfdSamples.unzip(signed);
        files.put(path, content);
        return new OfdVerifier(List.of(pki.root())).verify(OfdSamples.zipBytes(files)).signatures().get(0);
    }

    private static byte[] flipped(String path, int offsetFromEnd) {
        byte[] data = OfdSamples.unzip(signed).get(path);
        data[data.length - offsetFromEnd] ^= 0x01;
        return data;
    }

    @Test
    void oneFlippedByteInAPageFailsIntegrity() {
        OfdSignatureReport report = verifyWith("Doc_0/Pages/Page_1/Content.xml",
                flipped("Doc_0/Pages/Page_1/Content.xml", 20));

        assertThat(report.verdict()).isEqualTo(Status.FAILED);
        assertThat(report.check(Kind.DOCUMENT_INTEGRITY).status()).isEqualTo(Status.FAILED);
        assertThat(report.check(Kind.DOCUMENT_INTEGRITY).reason()).contains("/Doc_0/Pages/Page_1/Content.xml");
        assertThat(report.check(Kind.SIGNER_SIGNATURE).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void removedProtectedFileFailsIntegrity() {
        Map<String, byte[]> files = OfdSamples.unzip(signed);
        files.remove("Doc_0/PublicRes.xml");
        OfdSignatureReport report = new OfdVerifier(List.of(pki.root())).verify(OfdSamples.zipBytes(files))
                .signatures().get(0);
        assertThat(report.check(Kind.DOCUMENT_INTEGRITY).reason()).contains("missing");
    }

    @Test
    void tamperedSignatureValueFailsTheSignerSignature() {
        // the SM2 signature sits near the end of SignedValue.dat (no time stamp): flip a byte of s
        OfdSignatureReport report = verifyWith(SIGN + "SignedValue.dat", flipped(SIGN + "SignedValue.dat", 5));

        assertThat(report.check(Kind.SIGNER_SIGNATURE).status()).isEqualTo(Status.FAILED);
        assertThat(report.check(Kind.DATA_HASH).status()).isEqualTo(Status.PASSED);
        assertThat(report.verdict()).isEqualTo(Status.FAILED);
    }

    @Test
    void changedSignatureXmlFailsTheDataHash() {
        String xml = new String(OfdSamples.unzip(signed).get(SIGN + "Signature.xml"), StandardCharsets.UTF_8);
        OfdSignatureReport report = verifyWith(SIGN + "Signature.xml",
                xml.replace("Boundary=\"100 100 40 40\"", "Boundary=\"10 10 40 40\"").getBytes(StandardCharsets.UTF_8));

        assertThat(report.check(Kind.DATA_HASH).status()).isEqualTo(Status.FAILED);
        assertThat(report.check(Kind.DOCUMENT_INTEGRITY).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void otherSealFileFailsSealMatchAndIntegrity() {
        OfdSignatureReport report = verifyWith(SIGN + "Seal.esl",
                pki.sealKey("另一枚章", 40, 40).seal().encoded());

        assertThat(report.check(Kind.SEAL_MATCH).status()).isEqualTo(Status.FAILED);
        assertThat(report.check(Kind.DOCUMENT_INTEGRITY).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void garbageSignedValueIsAFormatFailure() {
        OfdSignatureReport report = verifyWith(SIGN + "SignedValue.dat", new byte[] {0x30, 0x05, 1, 2});

        assertThat(report.checks()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.FORMAT);
            assertThat(c.status()).isEqualTo(Status.FAILED);
            assertThat(c.reason()).startsWith("SES_TRUNCATED");
        });
    }

    @Test
    void missingSignatureXmlIsAFormatFailure() {
        Map<String, byte[]> files = OfdSamples.unzip(signed);
        files.remove(SIGN + "Signature.xml");
        OfdSignatureReport report = new OfdVerifier(List.of(pki.root())).verify(OfdSamples.zipBytes(files))
                .signatures().get(0);
        assertThat(report.check(Kind.FORMAT).reason()).startsWith(OfdException.MALFORMED);
    }

    @Test
    void untrustedRootFailsBothCertificateChecks() throws Exception {
        try (OfdTestPki other = new OfdTestPki(dir.resolve("other"))) {
            OfdSignatureReport report = new OfdVerifier(List.of(other.root())).verify(signed).signatures().get(0);
            assertThat(report.check(Kind.SIGNER_CERTIFICATE).status()).isEqualTo(Status.FAILED);
            assertThat(report.check(Kind.MAKER_CERTIFICATE).status()).isEqualTo(Status.FAILED);
            assertThat(report.check(Kind.SIGNER_SIGNATURE).status()).isEqualTo(Status.PASSED);
        }
    }

    @Test
    void noTrustedRootsLeavesTheChainsIndeterminate() {
        OfdVerificationReport report = new OfdVerifier(List.of()).verify(signed);
        assertThat(report.signatures().get(0).check(Kind.SIGNER_CERTIFICATE).status())
                .isEqualTo(Status.INDETERMINATE);
        assertThat(report.verdict()).isEqualTo(Status.INDETERMINATE);
    }

    @Test
    void unsignedDocumentIsIndeterminateWithoutSignatures() {
        OfdVerificationReport report = new OfdVerifier(List.of(pki.root()))
                .verify(OfdSamples.document(List.of(List.of("x"))));
        assertThat(report.signatures()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Status.INDETERMINATE);
    }
}
