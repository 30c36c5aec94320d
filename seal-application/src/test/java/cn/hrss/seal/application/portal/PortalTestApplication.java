package cn.hrss.seal.application.portal;

import cn.hrss.seal.application.testing.TestDocuments;
import cn.hrss.seal.application.verification.VerificationTestApplication;
import cn.hrss.seal.application.ofd.OfdPlacement;
import cn.hrss.seal.application.ofd.OfdSamples;
import cn.hrss.seal.application.ofd.OfdSigner;
import cn.hrss.seal.application.ofd.OfdTestPki;
import cn.hrss.seal.application.ofd.OfdVerifier;
import cn.hrss.seal.application.pdf.PdfSigner;
import cn.hrss.seal.application.pdf.PdfVerifier;
import cn.hrss.seal.application.pdf.StampPlacement;
import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.application.verification.DocumentType;
import cn.hrss.seal.application.verification.DocumentVerification;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.picture.SealDesign;
import cn.hrss.seal.core.picture.SealPicture;
import cn.hrss.seal.core.picture.SealPictureRenderer;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A node serving the portal (real security chain, Thymeleaf, the node's modules on H2) whose
 * {@link DocumentVerification} is the library's PDF and OFD verifiers trusting the test PKI's root: real
 * verification of documents signed here, without the node CA's status services. The node's cipher device comes
 * from {@code verification.VerificationTestApplication}, which the seal application's component scan of the
 * {@code verification} package picks up in tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
// the cipher device of the verification tests' node
@Import(VerificationTestApplication.class)
@ConditionalOnProperty(name = PortalTestApplication.SWITCH, havingValue = "true")
public class PortalTestApplication {
    static final String SWITCH = "seal.test.portal-application";
    static final String SEAL_NAME = "福建省测试人力资源和社会保障局合同专用章";
    private static final String TITLE = "Labour Contract AAAA";

    @Bean(destroyMethod = "close")
    OfdTestPki portalTestPki() throws IOException {
        Path dir = Files.createTempDirectory("portal-pki");
        dir.toFile().deleteOnExit();
        return new OfdTestPki(dir);
    }

    @Bean
    @Primary
    DocumentVerification portalTestVerification(OfdTestPki pki) {
        List<X509CertificateHolder> roots = List.of(pki.root());
        return (document, detachedData) -> switch (DocumentType.detect(document).orElseThrow(() ->
                SealException.badRequest("DOCUMENT_TYPE_UNSUPPORTED", "neither PDF, OFD nor SES_Signature"))) {
            case PDF -> new PdfVerifier(roots).verify(document);
            case OFD -> new OfdVerifier(roots).verify(document);
            case SES_SIGNATURE -> throw SealException.badRequest("DETACHED_DATA_REQUIRED", "needs its data");
        };
    }

    @Bean
    Documents portalTestDocuments(OfdTestPki pki) {
        SealPicture picture = new SealPictureRenderer(150, SealPictureRenderer.withDefaults().fontFamily())
                .render(SealDesign.of("福建省测试人力资源和社会保障局", "合同专用章"));
        return new Documents(pki.sealKey(SEAL_NAME, picture.type(), picture.data(), picture.widthMm(),
                picture.heightMm()), pki.timeStamps(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    /** Sealed documents for the tests, all with one seal of the test PKI. */
    record Documents(SealSigningKey seal, TimeStampSource tsa) {

        byte[] signedPdf() {
            return new PdfSigner(tsa).sign(onePage(), seal, StampPlacement.at(1, 150, 230));
        }

        /** The signed PDF with one byte of its (signed, uncompressed) title changed. */
        byte[] tamperedPdf() {
            byte[] pdf = signedPdf();
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(TITLE) + TITLE.length() - 1;
            pdf[at] = 'B';
            return pdf;
        }

        byte[] signedOfd() {
            return new OfdSigner().sign(OfdSamples.document(List.of(List.of("劳动合同 AAAA"))), seal,
                    OfdPlacement.at(0, 120, 200), Instant.now(), tsa);
        }

        private static byte[] onePage() {
            return TestDocuments.onePagePdf(TITLE);
        }
    }
}
