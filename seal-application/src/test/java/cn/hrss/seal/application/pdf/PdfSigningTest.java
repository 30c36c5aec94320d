package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.sign.HttpTimeStampSource;
import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.error.SealException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfSigningTest {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static SealSigningKey seal;
    private static PdfSigner signer;
    private static PdfVerifier verifier;

    @BeforeAll
    static void pki() {
        pki = new TestPki(dir, "HRSS Test Root");
        seal = pki.sealKey("Test Bureau");
        signer = new PdfSigner(pki.tsa());
        verifier = new PdfVerifier(List.of(pki.root.certificate()));
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    @Test
    void signedPdfVerifiesWithEveryCheckPassed() {
        byte[] signed = signer.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));

        VerificationReport report = verifier.verify(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.checks()).filteredOn(CheckResult::decisive)
                .allSatisfy(c -> assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.PASSED))
                .extracting(CheckResult::check).containsExactlyInAnyOrder(Check.FORMAT, Check.DOCUMENT_INTEGRITY,
                        Check.SIGNER_SIGNATURE, Check.TIME_STAMP, Check.CERTIFICATE_CHAIN,
                        Check.CERTIFICATE_VALIDITY, Check.SEAL);
        assertThat(signature.check(Check.CERTIFICATE_STATUS)).get()
                .satisfies(c -> assertThat(c.code()).isEqualTo(RevocationSource.NOT_CHECKED))
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.INDETERMINATE));
        assertThat(signature.esId()).contains(seal.sealView().esId());
        assertThat(signature.sealName()).contains("Test Bureau公章");
        assertThat(signature.signer()).get().asString().contains("CN=Test Bureau Seal");
        assertThat(signature.timeStampTime()).isPresent();
        assertThat(signature.check(Check.DOCUMENT_INTEGRITY).orElseThrow().code())
                .isEqualTo(RevisionCoverage.WHOLE_DOCUMENT);
    }

    @Test
    void cmsVerifiesWithPlainBouncyCastleAndPdfBoxReadsTheSignature() throws Exception {
        byte[] signed = signer.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
            int[] range = signature.getByteRange();
            assertThat((long) range[2] + range[3]).isEqualTo(signed.length);

            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)),
                    ContentInfo.getInstance(new ASN1InputStream(signature.getContents(signed)).readObject()));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates()
                    .getMatches(info.getSID()).iterator().next();
            assertThat(info.getDigestAlgOID()).isEqualTo("1.2.156.10197.1.401");
            assertThat(info.getEncryptionAlgOID()).isEqualTo("1.2.156.10197.1.501");
            assertThat(info.getSignedAttributes().toHashtable().keySet()).contains(CMSAttributes.signingTime,
                    CMSAttributes.cmsAlgorithmProtect, PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    SealAttribute.SESEAL);
            assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(certificate))).isTrue();

            TimeStampToken token = new TimeStampToken(new CMSSignedData(info.getUnsignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(pki.tsaAuthority.certificate()));
        }
    }

    @Test
    void oneFlippedByteInTheSignedRangeFailsDocumentIntegrity() {
        byte[] signed = signer.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));
        int at = indexOf(signed, TestPdfs.TITLE.getBytes(StandardCharsets.US_ASCII));
        signed[at + TestPdfs.TITLE.length() - 1] ^= 0x03;

        VerificationReport report = verifier.verify(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        CheckResult integrity = report.signatures().get(0).check(Check.DOCUMENT_INTEGRITY).orElseThrow();
        assertThat(integrity.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(integrity.code()).isEqualTo("DIGEST_MISMATCH");
        assertThat(report.signatures().get(0).check(Check.SIGNER_SIGNATURE).orElseThrow().verdict())
                .isEqualTo(Verdict.PASSED);
    }

    @Test
    void twoSealsOnOneDocumentBothPass() {
        SealSigningKey second = pki.sealKey("Second Unit");
        byte[] once = signer.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 60, 230));
        byte[] twice = signer.sign(once, second, StampPlacement.at(1, 150, 230));

        VerificationReport report = verifier.verify(twice);

        assertThat(report.signatures()).hasSize(2);
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.signatures()).extracting(s -> s.check(Check.DOCUMENT_INTEGRITY).orElseThrow().code())
                .containsExactlyInAnyOrder(RevisionCoverage.LATER_SIGNATURES_ONLY, RevisionCoverage.WHOLE_DOCUMENT);
        assertThat(report.signatures()).extracting(s -> s.esId().orElseThrow())
                .containsExactlyInAnyOrder(seal.sealView().esId(), second.sealView().esId());
        assertThat(twice).startsWith(once);
    }

    @Test
    void stampHasThePhysicalSizeOfTheSealAtTheGivenMillimetres() throws Exception {
        byte[] signed = signer.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));

        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDAnnotationWidget> widgets = document.getSignatureFields().get(0).getWidgets();
            assertThat(widgets).hasSize(1);
            PDRectangle rect = widgets.get(0).getRectangle();
            float mm = 72f / 25.4f;
            assertThat(rect.getWidth()).isCloseTo(seal.sealView().picture().widthMm() * mm, within(0.01f));
            assertThat(rect.getLowerLeftX() + rect.getWidth() / 2).isCloseTo(150 * mm, within(0.01f));
            assertThat(rect.getLowerLeftY() + rect.getHeight() / 2)
                    .isCloseTo(PDRectangle.A4.getHeight() - 230 * mm, within(0.01f));
            render(document, 0, "stamp.png");
        }
    }

    @Test
    void keywordPlacementCentresTheStampOnTheLastOccurrence() throws Exception {
        String keyword = "Party A (seal):";
        byte[] pdf = TestPdfs.pages(keyword, "Page one mentions Party A (seal): elsewhere", "Page two");

        byte[] signed = signer.sign(pdf, seal, StampPlacement.keyword(keyword));

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDAnnotationWidget widget = document.getSignatureFields().get(0).getWidgets().get(0);
            assertThat(document.getPage(1).getAnnotations()).extracting(PDAnnotation::getCOSObject)
                    .contains(widget.getCOSObject());
            PDRectangle rect = widget.getRectangle();
            float width = TestPdfs.FONT.getStringWidth(keyword) / 1000 * TestPdfs.FONT_SIZE;
            assertThat(rect.getLowerLeftX() + rect.getWidth() / 2)
                    .isCloseTo(TestPdfs.KEYWORD_X + width / 2, within(1f));
            assertThat(rect.getLowerLeftY() + rect.getHeight() / 2)
                    .isBetween(TestPdfs.KEYWORD_BASELINE, TestPdfs.KEYWORD_BASELINE + TestPdfs.FONT_SIZE);
            render(document, 1, "keyword.png");
        }
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void ridingSealSlicesThePictureAcrossTheRightEdgeOfEveryPage() throws Exception {
        byte[] pdf = TestPdfs.pages(null, "Page 1", "Page 2", "Page 3");

        byte[] signed = signer.sign(pdf, seal, StampPlacement.ridingSeal(148.5));

        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDAnnotationWidget> widgets = document.getSignatureFields().get(0).getWidgets();
            assertThat(widgets).hasSize(3);
            float sealWidth = seal.sealView().picture().widthMm() * 72f / 25.4f;
            for (int i = 0; i < 3; i++) {
                PDRectangle rect = widgets.get(i).getRectangle();
                assertThat(rect.getWidth()).isCloseTo(sealWidth / 3, within(0.01f));
                assertThat(rect.getUpperRightX()).isCloseTo(PDRectangle.A4.getWidth(), within(0.01f));
                assertThat(document.getPage(i).getAnnotations()).extracting(PDAnnotation::getCOSObject)
                        .contains(widgets.get(i).getCOSObject());
                render(document, i, "riding-" + (i + 1) + ".png");
            }
            assertThat(document.getSignatureDictionaries()).hasSize(1);
        }
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void timeStampFetchedOverHttpFromALoopbackTsaVerifies() throws Exception {
        TimeStampResponseGenerator responder = pki.tsaResponder();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca/tsa", exchange -> {
            try {
                byte[] response = responder.generate(new TimeStampRequest(exchange.getRequestBody().readAllBytes()),
                        BigInteger.ONE, new Date()).getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, response.length);
                exchange.getResponseBody().write(response);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        try {
            HttpTimeStampSource tsa = new HttpTimeStampSource(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/ca/tsa"), Duration.ofSeconds(5));
            byte[] signed = new PdfSigner(tsa).sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));

            VerificationReport report = verifier.verify(signed);

            assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(report.signatures().get(0).timeStampTime()).isPresent();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unusableInputAndPlacementsGiveStableCodes() {
        byte[] onePage = TestPdfs.onePage();
        assertCode(() -> signer.sign("not a pdf".getBytes(StandardCharsets.US_ASCII), seal,
                StampPlacement.at(1, 10, 10)), PdfErrors.MALFORMED);
        assertCode(() -> signer.sign(new byte[0], seal, StampPlacement.at(1, 10, 10)), PdfErrors.MALFORMED);
        assertCode(() -> signer.sign(onePage, seal, StampPlacement.at(2, 10, 10)), PdfErrors.BAD_PLACEMENT);
        assertCode(() -> signer.sign(onePage, seal, StampPlacement.at(1, 300, 10)), PdfErrors.BAD_PLACEMENT);
        assertCode(() -> signer.sign(onePage, seal, StampPlacement.keyword("absent")), PdfErrors.KEYWORD_NOT_FOUND);
        assertCode(() -> signer.sign(onePage, seal, StampPlacement.ridingSeal(100)), PdfErrors.BAD_PLACEMENT);
        assertCode(() -> signer.sign(TestPdfs.encrypted("user"), seal, StampPlacement.at(1, 10, 10)),
                PdfErrors.ENCRYPTED);
        assertCode(() -> signer.sign(TestPdfs.encrypted(""), seal, StampPlacement.at(1, 10, 10)),
                PdfErrors.ENCRYPTED);
        assertCode(() -> new PdfSigner(null, Clock.systemUTC(), new PdfLimits(100, 10))
                .sign(onePage, seal, StampPlacement.at(1, 10, 10)), PdfErrors.TOO_LARGE);
    }

    @Test
    void sealKeyRefusesACertificateTheSealDoesNotList() {
        SealSigningKey other = pki.sealKey("Other Unit");
        assertCode(() -> new SealSigningKey(pki.device, other.key(), other.chain(), seal.seal()),
                SealSigningKey.SIGNER_NOT_IN_SEAL);
    }

    @Test
    void signerRefusesAnExpiredCertificate() {
        SealSigningKey expired = pki.sealKey("Expired Unit", TestPki.NOW.minus(Duration.ofDays(400)),
                TestPki.NOW.minus(Duration.ofDays(10)));
        assertCode(() -> signer.sign(TestPdfs.onePage(), expired, StampPlacement.at(1, 150, 230)),
                SealSigningKey.CERTIFICATE_NOT_VALID);
    }

    @Test
    void signerRefusesASealOutsideItsValidity() {
        PdfSigner late = new PdfSigner(null, Clock.fixed(TestPki.NOW.plus(Duration.ofDays(500)),
                ZoneOffset.UTC), PdfLimits.DEFAULT);
        assertCode(() -> late.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230)),
                SealSigningKey.SEAL_NOT_VALID);
    }

    @Test
    void signingOnePageTakesLittleTime() {
        byte[] pdf = TestPdfs.onePage();
        signer.sign(pdf, seal, StampPlacement.at(1, 150, 230));
        int runs = 10;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            signer.sign(pdf, seal, StampPlacement.at(1, 150, 230));
        }
        long millis = (System.nanoTime() - start) / 1_000_000 / runs;
        System.out.println("PDF signing, 1 page, soft device, in-process TSA: " + millis + " ms per signature");
        assertThat(millis).isLessThan(2000);
    }

    private static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    static Offset<Float> within(float offset) {
        return Offset.offset(offset);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** Writes a rendering to target/pdf-renderings for a look by eye. */
    private static void render(PDDocument document, int page, String name) throws Exception {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 72);
        Path out = Path.of("target", "pdf-renderings");
        Files.createDirectories(out);
        ImageIO.write(image, "png", out.resolve(name).toFile());
        assertThat(image.getWidth()).isEqualTo(Math.round(PDRectangle.A4.getWidth()));
    }
}
