package cn.hrss.seal.bench.application;

import cn.hrss.seal.application.pdf.PdfVerifier;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.core.ses.SesCheck;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each benchmark does the work it claims: what it signs verifies, what it verifies passes, changed input fails. */
class ApplicationBenchmarkWorkTest {

    @Test
    void pdfSigningSignsTheWholeDocumentWithATimeStamp() throws Exception {
        PdfSigningBenchmark.Signing signing = new PdfSigningBenchmark.Signing();
        signing.pages = 3;
        signing.setUp();
        try {
            byte[] signed = new PdfSigningBenchmark().signPdf(signing);

            var report = new PdfVerifier(List.of(signing.pki.root())).verify(signed);
            assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(report.signatures()).singleElement()
                    .satisfies(s -> assertThat(s.timeStampTime()).isPresent());
            try (PDDocument document = Loader.loadPDF(signed)) {
                assertThat(document.getNumberOfPages()).isEqualTo(3);
                assertThat(new PDFTextStripper().getText(document)).contains("Page 3, clause 40:");
            }
        } finally {
            signing.tearDown();
        }
    }

    @Test
    void rawBaselineSignsTheSameBytesAsTheDataSignature() throws Exception {
        DataSigningBenchmark.Data data = new DataSigningBenchmark.Data();
        data.setUp();
        try {
            DataSigningBenchmark.RawTbs raw = new DataSigningBenchmark.RawTbs();
            raw.setUp(data);
            byte[] signature = new DataSigningBenchmark().signData(data);

            // the TBS_Sign carries the whole seal: the raw baseline hashes as many bytes as the real signature
            assertThat(raw.tbs.length).isGreaterThan(data.pki.sealKey().seal().length);
            assertThat(signature.length).isGreaterThan(raw.tbs.length);
            assertThat(new DataSigningBenchmark().bcSignTbs(raw)).isNotEmpty();
            // the node's signer makes the same kind of signature, over the same digest, and reports its SM3
            var node = new DataSigningBenchmark().signDataNode(data);
            byte[] encoded = node.encoded().toByteArray();
            assertThat(node.sm3()).isEqualTo(cn.hrss.seal.core.crypto.Sm3.hash(encoded));
            assertThat(new cn.hrss.seal.core.ses.SesParser().parseSignature(encoded).dataHash())
                    .isEqualTo(data.dataSm3);
            assertThat(node.timeStampToken()).isNull();
        } finally {
            data.tearDown();
        }
    }

    @Test
    void verificationBenchmarksPassOnTheirDocumentsAndFailOnChangedOnes() {
        VerificationBenchmark bench = new VerificationBenchmark();
        VerificationBenchmark.Documents documents = new VerificationBenchmark.Documents();
        documents.setUp();
        try {
            assertThat(bench.verifyPdf(documents).verdict()).isEqualTo(Verdict.PASSED);
            assertThat(bench.verifyOfd(documents).verdict()).isEqualTo(Verdict.PASSED);
            assertThat(bench.verifySesSignature(documents).verdict()).isEqualTo(SesCheck.Status.PASSED);

            DataSigningBenchmark.Data data = new DataSigningBenchmark.Data();
            data.pki = documents.pki;
            data.dataSm3 = documents.dataSm3;
            documents.dataSignature = new DataSigningBenchmark().signData(data);
            assertThat(bench.verifySesSignature(documents).verdict()).isEqualTo(SesCheck.Status.PASSED);
            documents.dataSm3[0] ^= 1;
            assertThat(bench.verifySesSignature(documents).verdict()).isEqualTo(SesCheck.Status.FAILED);
            documents.signedPdf[documents.signedPdf.length / 2] ^= 1;
            assertThat(bench.verifyPdf(documents).verdict()).isNotEqualTo(Verdict.PASSED);
        } finally {
            documents.tearDown();
        }
    }
}
