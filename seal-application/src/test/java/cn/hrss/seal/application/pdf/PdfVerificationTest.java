package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.application.verify.CertificatePathValidator;
import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.CertificateStatusPolicy;
import cn.hrss.seal.application.verify.RevocationSource;
import cn.hrss.seal.application.verify.SealStatusPolicy;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.TimeStampVerifier;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.application.verify.VerificationReport;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static cn.hrss.seal.application.pdf.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class PdfVerificationTest {
    /** GM/T 0010 signedData and data content types. */
    private static final ASN1ObjectIdentifier GM_SIGNED_DATA = new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.2");
    private static final ASN1ObjectIdentifier GM_DATA = new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.1");

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestPki otherPki;
    private static SealSigningKey seal;
    private static PdfSigner signer;
    private static PdfVerifier verifier;
    private static byte[] signed;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki(Files.createDirectories(dir.resolve("main")), "HRSS Test Root");
        otherPki = new TestPki(Files.createDirectories(dir.resolve("other")), "Other Root");
        seal = pki.sealKey("Test Bureau");
        signer = new PdfSigner(pki.tsa());
        verifier = new PdfVerifier(List.of(pki.root.certificate()));
        signed = signer.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));
    }

    @AfterAll
    static void close() {
        pki.close();
        otherPki.close();
    }

    @Test
    void unknownRootIsIndeterminate() {
        VerificationReport report = new PdfVerifier(List.of(otherPki.root.certificate())).verify(signed);

        CheckResult chain = only(report).check(Check.CERTIFICATE_CHAIN).orElseThrow();
        assertThat(chain.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(chain.code()).isEqualTo(CertificatePathValidator.UNKNOWN_ROOT);
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        // The TSA's path does not reach a trusted root either (its token carries only the TSA certificate).
        assertThat(only(report).check(Check.TIME_STAMP).orElseThrow().verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void certificateExpiredAtTheTimeStampedSigningTimeFails() {
        SealSigningKey expired = pki.sealKey("Expired Unit", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(10)));
        // Signed while the certificate was valid, but time-stamped only now, after it expired.
        byte[] pdf = signerAt(NOW.minus(Duration.ofDays(20)), pki.tsa())
                .sign(TestPdfs.onePage(), expired, StampPlacement.at(1, 150, 230));

        VerificationReport report = verifier.verify(pdf);

        CheckResult validity = only(report).check(Check.CERTIFICATE_VALIDITY).orElseThrow();
        assertThat(validity.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(validity.code()).isEqualTo(CertificatePathValidator.CERTIFICATE_EXPIRED);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void certificateExpiredWithoutTimeStampIsIndeterminate() {
        SealSigningKey expired = pki.sealKey("Expired Unit", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(10)));
        byte[] pdf = signerAt(NOW.minus(Duration.ofDays(20)), null)
                .sign(TestPdfs.onePage(), expired, StampPlacement.at(1, 150, 230));

        CheckResult validity = only(verifier.verify(pdf)).check(Check.CERTIFICATE_VALIDITY).orElseThrow();

        assertThat(validity.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(validity.code()).isEqualTo(CertificatePathValidator.OUT_OF_BOUNDS_NO_POE);
    }

    @Test
    void signatureWithoutTimeStampIsIndeterminate() {
        byte[] pdf = new PdfSigner(null).sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));

        VerificationReport report = verifier.verify(pdf);

        assertTimeStamp(report, Verdict.INDETERMINATE, TimeStampVerifier.NO_TIME_STAMP);
        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(only(report).check(Check.SIGNER_SIGNATURE).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void strippedTimeStampIsReportedAsMissing() {
        byte[] stripped = replaceCms(signed, signedData -> withSignerInfo(signedData, info -> new SignerInfo(
                info.getSID(), info.getDigestAlgorithm(), info.getAuthenticatedAttributes(),
                info.getDigestEncryptionAlgorithm(), info.getEncryptedDigest(), null)));

        VerificationReport report = verifier.verify(stripped);

        assertTimeStamp(report, Verdict.INDETERMINATE, TimeStampVerifier.NO_TIME_STAMP);
        assertThat(only(report).check(Check.DOCUMENT_INTEGRITY).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(only(report).check(Check.SIGNER_SIGNATURE).orElseThrow().verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void timeStampOfAnotherSignatureFailsWithImprintMismatch() {
        byte[] other = signer.sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 60, 60));
        ASN1Encodable otherToken = signerInfo(other).getUnauthenticatedAttributes().getObjectAt(0);
        byte[] swapped = replaceCms(signed, signedData -> withSignerInfo(signedData, info -> new SignerInfo(
                info.getSID(), info.getDigestAlgorithm(), info.getAuthenticatedAttributes(),
                info.getDigestEncryptionAlgorithm(), info.getEncryptedDigest(), new DERSet(otherToken))));

        assertTimeStamp(verifier.verify(swapped), Verdict.FAILED, TimeStampVerifier.IMPRINT_MISMATCH);
    }

    @Test
    void gmt0010ObjectIdentifiersAreAccepted() {
        byte[] gm = replaceCms(signed, signedData -> {
            SignedData withGmSigner = SignedData.getInstance(withSignerInfo(signedData, info -> new SignerInfo(
                    info.getSID(), info.getDigestAlgorithm(), info.getAuthenticatedAttributes(),
                    new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign), info.getEncryptedDigest(),
                    info.getUnauthenticatedAttributes())).getContent());
            return new ContentInfo(GM_SIGNED_DATA, new SignedData(withGmSigner.getDigestAlgorithms(),
                    new ContentInfo(GM_DATA, null), withGmSigner.getCertificates(), withGmSigner.getCRLs(),
                    withGmSigner.getSignerInfos()));
        });

        VerificationReport report = verifier.verify(gm);

        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void timeStampTokenWithGmt0010SignedDataContentTypeIsVerified() {
        // Only the outer content type changes: the TSA signed eContentType id-ct-TSTInfo and the TSTInfo, not the
        // ContentInfo wrapper, so the token verifies without re-signing.
        byte[] gm = withTimeStampToken(signed, token -> new ContentInfo(GM_SIGNED_DATA, token.getContent()));
        assertThat(timeStampToken(gm).getContentType()).isEqualTo(GM_SIGNED_DATA);

        assertTimeStampProvesTheSigningTime(verifier.verify(gm));
    }

    @Test
    void timeStampTokenInGmt0010DataContentTypeReSignedByTheTsaIsVerified() {
        // All GM/T 0010: outer signedData and eContentType data, the TSA's content-type attribute naming data.
        byte[] gm = withTimeStampToken(signed, token -> reSigned(token, GM_DATA, GM_SIGNED_DATA));
        ContentInfo token = timeStampToken(gm);
        assertThat(token.getContentType()).isEqualTo(GM_SIGNED_DATA);
        assertThat(SignedData.getInstance(token.getContent()).getEncapContentInfo().getContentType())
                .isEqualTo(GM_DATA);

        assertTimeStampProvesTheSigningTime(verifier.verify(gm));
    }

    @Test
    void timeStampContentRelabelledWithoutTheTsaSignatureIsMalformed() {
        // eContentType changed to GM/T 0010 data after signing: the TSA's content-type attribute still says TSTInfo.
        byte[] relabelled = withTimeStampToken(signed, token -> {
            SignedData data = SignedData.getInstance(token.getContent());
            return new ContentInfo(GM_SIGNED_DATA, new SignedData(data.getDigestAlgorithms(),
                    new ContentInfo(GM_DATA, data.getEncapContentInfo().getContent()), data.getCertificates(),
                    data.getCRLs(), data.getSignerInfos()));
        });

        assertTimeStamp(verifier.verify(relabelled), Verdict.FAILED, TimeStampVerifier.MALFORMED_TOKEN);
    }

    @Test
    void timeStampTokenWithPkcs7SignedDataButGmt0010DataContentIsMalformed() {
        // GM/T 0010 data is accepted as TSTInfo only inside GM/T 0010 signedData.
        byte[] mixed = withTimeStampToken(signed, token -> reSigned(token, GM_DATA, CMSObjectIdentifiers.signedData));

        assertTimeStamp(verifier.verify(mixed), Verdict.FAILED, TimeStampVerifier.MALFORMED_TOKEN);
    }

    @Test
    void timeStampTokenThatIsNotSignedDataIsMalformed() {
        byte[] other = withTimeStampToken(signed, token -> new ContentInfo(GM_DATA, token.getContent()));

        assertTimeStamp(verifier.verify(other), Verdict.FAILED, TimeStampVerifier.MALFORMED_TOKEN);
    }

    @Test
    void pageContentChangedAfterSigningFails() throws Exception {
        byte[] modified;
        try (PDDocument document = Loader.loadPDF(signed)) {
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0),
                    PDPageContentStream.AppendMode.APPEND, false)) {
                content.beginText();
                content.setFont(TestPdfs.FONT, 12);
                content.newLineAtOffset(100, 600);
                content.showText("Added after signing");
                content.endText();
            }
            document.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            modified = out.toByteArray();
        }
        assertThat(modified).startsWith(signed);

        CheckResult integrity = only(verifier.verify(modified)).check(Check.DOCUMENT_INTEGRITY).orElseThrow();

        assertThat(integrity.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(integrity.code()).isEqualTo(RevisionCoverage.PAGES_MODIFIED);
    }

    @Test
    void unsignedLaterChangeWithUnchangedPagesIsIndeterminate() throws Exception {
        byte[] modified;
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.getDocumentInformation().setTitle("Retitled");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            modified = out.toByteArray();
        }

        CheckResult integrity = only(verifier.verify(modified)).check(Check.DOCUMENT_INTEGRITY).orElseThrow();

        assertThat(modified.length).isGreaterThan(signed.length);
        assertThat(integrity.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(integrity.code()).isEqualTo(RevisionCoverage.UNSIGNED_CHANGES);
    }

    @Test
    void revocationSourceDecidesTheVerdictWhenConfigured() {
        RevocationSource revoked = (certificate, issuer, at) ->
                CheckResult.failed(Check.CERTIFICATE_STATUS, "REVOKED", "revoked for the test");
        VerificationReport report = new PdfVerifier(List.of(pki.root.certificate()), revoked, Clock.systemUTC(),
                PdfLimits.DEFAULT).verify(signed);

        assertThat(only(report).check(Check.CERTIFICATE_STATUS).orElseThrow().code()).isEqualTo("REVOKED");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    /** A status history: VALID until {@code revokedAt}, REVOKED from then on. */
    private static SealStatusSource revokedAt(Instant revokedAt) {
        return (esId, time) -> SealStatusPolicy.judge(esId, time, stateAt(time.at(), revokedAt),
                Optional.of(stateAt(Instant.now(), revokedAt)));
    }

    private static SealStatusPolicy.Answer stateAt(Instant time, Instant revokedAt) {
        return time.isBefore(revokedAt)
                ? new SealStatusPolicy.Answer(SealStatusPolicy.State.VALID, Optional.of(NOW), Optional.empty())
                : new SealStatusPolicy.Answer(SealStatusPolicy.State.REVOKED, Optional.of(revokedAt),
                Optional.of("unit dissolved"));
    }

    private static PdfVerifier withSealStatus(SealStatusSource status) {
        return new PdfVerifier(List.of(pki.root.certificate()), RevocationSource.notChecked(), status,
                Clock.systemUTC(), PdfLimits.DEFAULT);
    }

    @Test
    void sealRevokedBeforeTheSigningTimeFails() {
        VerificationReport report = withSealStatus(revokedAt(NOW.minus(Duration.ofDays(1)))).verify(signed);

        CheckResult status = only(report).check(Check.SEAL_STATUS).orElseThrow();
        assertThat(status.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(status.code()).isEqualTo(SealStatusPolicy.SEAL_REVOKED);
        assertThat(status.reason()).contains("unit dissolved");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void sealRevokedAfterTheTimeStampedSigningPassesAndNamesTheRevocation() {
        Instant genTime = only(verifier.verify(signed)).timeStampTime().orElseThrow();
        Instant revocation = genTime.plusMillis(1);
        VerificationReport report = withSealStatus(revokedAt(revocation)).verify(signed);

        CheckResult status = only(report).check(Check.SEAL_STATUS).orElseThrow();
        assertThat(status.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(status.code()).isEqualTo(SealStatusPolicy.CHANGED_AFTER_SIGNING);
        assertThat(status.reason()).contains("REVOKED since " + revocation);
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void sealRevokedAfterSigningWithoutTimeStampFailsBecauseTheCurrentStatusDecides() {
        byte[] pdf = new PdfSigner(null).sign(TestPdfs.onePage(), seal, StampPlacement.at(1, 150, 230));
        VerificationReport report = withSealStatus(revokedAt(Instant.now().minusSeconds(1))).verify(pdf);

        CheckResult status = only(report).check(Check.SEAL_STATUS).orElseThrow();
        assertThat(status.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(status.reason()).contains("no time stamp");
    }

    @Test
    void offlineSealStatusIsReportedAsNotCheckedWithoutDecidingTheVerdict() {
        VerificationReport report = verifier.verify(signed);

        CheckResult status = only(report).check(Check.SEAL_STATUS).orElseThrow();
        assertThat(status.code()).isEqualTo(SealStatusSource.NOT_CHECKED);
        assertThat(status.decisive()).isFalse();
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void certificateRevokedAfterTheTimeStampedSigningPassesAndBeforeFails() {
        Instant genTime = only(verifier.verify(signed)).timeStampTime().orElseThrow();
        for (boolean after : new boolean[] {true, false}) {
            Instant revokedAt = after ? genTime.plusSeconds(1) : genTime.minusSeconds(1);
            RevocationSource source = (certificate, issuer, at) -> certificate.getSubject().toString().contains("Bureau")
                    ? CertificateStatusPolicy.revoked(certificate, revokedAt, Optional.of("keyCompromise"), at, "test")
                    : CertificateStatusPolicy.good(certificate, at, "test");
            VerificationReport report = new PdfVerifier(List.of(pki.root.certificate()), source, Clock.systemUTC(),
                    PdfLimits.DEFAULT).verify(signed);

            CheckResult status = only(report).check(Check.CERTIFICATE_STATUS).orElseThrow();
            assertThat(status.code()).isEqualTo(after ? CertificateStatusPolicy.REVOKED_AFTER_SIGNING
                    : CertificateStatusPolicy.CERTIFICATE_REVOKED);
            assertThat(report.verdict()).isEqualTo(after ? Verdict.PASSED : Verdict.FAILED);
        }
    }

    @Test
    void garbageAndTruncatedInputGiveFailedFormatNotExceptions() {
        for (byte[] input : List.of(new byte[0], "not a pdf at all".getBytes(StandardCharsets.US_ASCII),
                "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII))) {
            VerificationReport report = verifier.verify(input);
            assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(report.documentChecks()).singleElement()
                    .satisfies(c -> assertThat(c.code()).isEqualTo(PdfErrors.MALFORMED));
        }
        for (int length : new int[] {signed.length / 4, signed.length / 2, signed.length - 100, signed.length - 3}) {
            VerificationReport report = verifier.verify(Arrays.copyOf(signed, length));
            assertThat(report.verdict()).as("truncated to %d", length).isNotEqualTo(Verdict.PASSED);
        }
    }

    @Test
    void passwordProtectedDocumentIsReportedAsEncrypted() {
        VerificationReport report = verifier.verify(TestPdfs.encrypted("user"));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.documentChecks().get(0).code()).isEqualTo(PdfErrors.ENCRYPTED);
    }

    @Test
    void truncatedSignatureRevisionFailsFormatOrIntegrity() {
        VerificationReport report = verifier.verify(Arrays.copyOf(signed, signed.length - 100));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void damagedContentsFailFormat() {
        byte[] damaged = signed.clone();
        int[] range = byteRange(signed);
        Arrays.fill(damaged, range[1] + 1, range[1] + 41, (byte) 'F');

        CheckResult format = only(verifier.verify(damaged)).check(Check.FORMAT).orElseThrow();

        assertThat(format.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(format.code()).isEqualTo(PdfSignatureValidation.CMS_MALFORMED);
    }

    @Test
    void unsignedDocumentIsIndeterminate() {
        VerificationReport report = verifier.verify(TestPdfs.onePage());

        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(report.documentChecks().get(0).code()).isEqualTo(VerificationReport.NO_SIGNATURE);
    }

    @Test
    void documentAboveTheLimitIsRefusedBeforeParsing() {
        VerificationReport report = new PdfVerifier(List.of(pki.root.certificate()), RevocationSource.notChecked(),
                Clock.systemUTC(), new PdfLimits(1024, 10)).verify(signed);

        assertThat(report.documentChecks().get(0).code()).isEqualTo(PdfErrors.TOO_LARGE);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    private static PdfSigner signerAt(Instant time, TimeStampSource tsa) {
        return new PdfSigner(tsa, Clock.fixed(time, ZoneOffset.UTC), PdfLimits.DEFAULT);
    }

    private static SignatureReport only(VerificationReport report) {
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    private static void assertTimeStamp(VerificationReport report, Verdict verdict, String code) {
        CheckResult timeStamp = only(report).check(Check.TIME_STAMP).orElseThrow();
        assertThat(timeStamp.verdict()).isEqualTo(verdict);
        assertThat(timeStamp.code()).isEqualTo(code);
    }

    private static int[] byteRange(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getSignatureDictionaries().get(0).getByteRange();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentInfo contentInfo(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            return ContentInfo.getInstance(new ASN1InputStream(signature.getContents(pdf)).readObject());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignerInfo signerInfo(byte[] pdf) {
        return SignerInfo.getInstance(SignedData.getInstance(contentInfo(pdf).getContent()).getSignerInfos()
                .getObjectAt(0));
    }

    private static ContentInfo withSignerInfo(ContentInfo contentInfo, UnaryOperator<SignerInfo> change) {
        SignedData data = SignedData.getInstance(contentInfo.getContent());
        SignerInfo changed = change.apply(SignerInfo.getInstance(data.getSignerInfos().getObjectAt(0)));
        return new ContentInfo(contentInfo.getContentType(), new SignedData(data.getDigestAlgorithms(),
                data.getEncapContentInfo(), data.getCertificates(), data.getCRLs(), new DERSet(changed)));
    }

    /** Rewrites the CMS in /Contents in place (same reserved size), as an attacker with a hex editor would. */
    private static byte[] replaceCms(byte[] pdf, UnaryOperator<ContentInfo> change) {
        int[] range = byteRange(pdf);
        try {
            byte[] hex = Hex.encode(change.apply(contentInfo(pdf)).getEncoded(ASN1Encoding.DER));
            int room = range[2] - range[1] - 2;
            assertThat(hex.length).isLessThanOrEqualTo(room);
            byte[] out = pdf.clone();
            Arrays.fill(out, range[1] + 1, range[2] - 1, (byte) '0');
            System.arraycopy(hex, 0, out, range[1] + 1, hex.length);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
    private static void assertTimeStampProvesTheSigningTime(VerificationReport report) {
        assertTimeStamp(report, Verdict.PASSED, CheckResult.OK);
        assertThat(only(report).timeStampTime()).isPresent();
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    private static ContentInfo timeStampToken(byte[] pdf) {
        Attribute attribute = Attribute.getInstance(signerInfo(pdf).getUnauthenticatedAttributes().getObjectAt(0));
        return ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0));
    }

    /** The PDF with its signature time-stamp token changed; the signer's signature is unaffected (unsigned). */
    private static byte[] withTimeStampToken(byte[] pdf, UnaryOperator<ContentInfo> change) {
        return replaceCms(pdf, signedData -> withSignerInfo(signedData, info -> {
            Attribute attribute = Attribute.getInstance(info.getUnauthenticatedAttributes().getObjectAt(0));
            ContentInfo token = change.apply(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
            return new SignerInfo(info.getSID(), info.getDigestAlgorithm(), info.getAuthenticatedAttributes(),
                    info.getDigestEncryptionAlgorithm(), info.getEncryptedDigest(),
                    new DERSet(new Attribute(attribute.getAttrType(), new DERSet(token))));
        }));
    }

    /** The token's TSTInfo signed again by the test TSA as {@code contentType} content, wrapped as {@code outer}. */
    private static ContentInfo reSigned(ContentInfo token, ASN1ObjectIdentifier contentType,
                                        ASN1ObjectIdentifier outer) {
        try {
            SignedData original = SignedData.getInstance(token.getContent());
            byte[] tstInfo = ASN1OctetString.getInstance(original.getEncapContentInfo().getContent()).getOctets();
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(digests).build(
                    DeviceContentSigner.create(pki.device, pki.tsaAuthority.key()),
                    pki.tsaAuthority.certificate()));
            generator.addCertificate(pki.tsaAuthority.certificate());
            ContentInfo resigned = generator.generate(new CMSProcessableByteArray(contentType, tstInfo), true)
                    .toASN1Structure();
            return new ContentInfo(outer, resigned.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
