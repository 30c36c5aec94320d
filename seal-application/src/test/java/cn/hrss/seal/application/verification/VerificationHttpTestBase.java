package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.testing.TestDocuments;
import cn.hrss.seal.application.ofd.OfdPlacement;
import cn.hrss.seal.application.ofd.OfdSamples;
import cn.hrss.seal.application.ofd.OfdSigner;
import cn.hrss.seal.application.online.CrlRevocationSource;
import cn.hrss.seal.application.online.HttpSealStatusSource;
import cn.hrss.seal.application.online.OcspRevocationSource;
import cn.hrss.seal.application.online.RevocationListSealStatusSource;
import cn.hrss.seal.application.pdf.PdfSigner;
import cn.hrss.seal.application.pdf.StampPlacement;
import cn.hrss.seal.application.sign.HttpTimeStampSource;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.application.verify.CertificateStatusPolicy;
import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealStatusPolicy;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.application.verify.Verdict;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.SignatureMaker;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /api/v1/verify} on a running node (random port, the real security chain: no token is sent), with
 * seals made by the node's CA, documents time-stamped by the node's TSA, seal status from its ledger and
 * certificate status from its CA; plus the online sources against the node's own OCSP and status endpoints.
 * Every test makes its own seal, so tests do not depend on each other or on their order.
 */
@SpringBootTest(classes = VerificationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seal.making.enabled=false", "seal.application.verification.max-document-size=300KB",
                "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=4MB"})
abstract class VerificationHttpTestBase {
    private static final String TITLE = "Labour Contract AAAA";

    @LocalServerPort int port;
    @Autowired CertificateAuthority ca;
    @Autowired CipherDevice device;
    @Autowired SealStatusService statuses;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private VerificationTestSeals seals;

    @BeforeEach
    void seals() {
        seals = new VerificationTestSeals(ca, device, statuses);
    }

    // ------------------------------------------------------------------ documents

    @Test
    void signedPdfPassesWithSealDetailsAndOneChangedByteFailsIntegrity() throws Exception {
        VerificationTestSeals.Made seal = seals.make("测试局");
        byte[] pdf = signPdf(seal);

        JsonNode report = verifyJson(pdf);
        assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("PASSED");
        assertThat(report.get("documentType").asText()).isEqualTo("PDF");
        JsonNode signature = report.get("signatures").get(0);
        assertThat(signature.get("esId").asText()).isEqualTo(seal.esId());
        assertThat(signature.get("sealName").asText()).isEqualTo("测试局公章");
        assertThat(signature.get("sealPictureType").asText()).isEqualTo("png");
        assertThat(signature.get("sealPictureBase64").asText()).isNotEmpty();
        assertThat(signature.get("timeStampTime").asText()).isNotEmpty();
        assertThat(check(signature, Check.SEAL_STATUS).get("verdict").asText()).isEqualTo("PASSED");
        assertThat(check(signature, Check.CERTIFICATE_STATUS).get("reason").asText()).contains("this node's CA");

        byte[] tampered = pdf.clone();
        int at = indexOf(tampered, TITLE.getBytes(StandardCharsets.US_ASCII)) + TITLE.length() - 1;
        tampered[at] = 'B';
        JsonNode broken = verifyJson(tampered);
        assertThat(broken.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(check(broken.get("signatures").get(0), Check.DOCUMENT_INTEGRITY).get("verdict").asText())
                .isEqualTo("FAILED");
    }

    @Test
    void signedOfdPassesAndOneChangedByteFailsIntegrity() throws Exception {
        VerificationTestSeals.Made seal = seals.make("测试中心");
        byte[] ofd = new OfdSigner().sign(OfdSamples.document(List.of(List.of("劳动合同 AAAA"))), seal.key(),
                OfdPlacement.at(0, 120, 200), Instant.now(), tsa());

        JsonNode report = verifyJson(ofd);
        assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("PASSED");
        assertThat(report.get("documentType").asText()).isEqualTo("OFD");

        Map<String, byte[]> files = new LinkedHashMap<>(OfdSamples.unzip(ofd));
        String content = files.keySet().stream().filter(p -> p.endsWith("Content.xml")).findFirst().orElseThrow();
        byte[] changed = files.get(content).clone();
        changed[changed.length - 20] ^= 1;
        files.put(content, changed);
        JsonNode broken = verifyJson(OfdSamples.zipBytes(files));
        assertThat(broken.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(check(broken.get("signatures").get(0), Check.DOCUMENT_INTEGRITY).get("verdict").asText())
                .isEqualTo("FAILED");
    }

    @Test
    void detachedSesSignatureIsVerifiedAgainstItsDataWhichIsRequired() throws Exception {
        VerificationTestSeals.Made seal = seals.make("数据单位");
        byte[] data = "社保缴费证明 2026-11".getBytes(StandardCharsets.UTF_8);
        TimeStampSource tsa = tsa();
        byte[] ses = SignatureMaker.sign(SignatureMaker.toBeSigned(SESeal.getInstance(seal.key().seal()),
                        SignatureMaker.dataHash(data), "data", Instant.now().truncatedTo(ChronoUnit.SECONDS), null),
                seal.key().signerCertificate().getEncoded(), SesSigner.of(device, seal.key().key()),
                value -> tsa.timeStamp(Sm3.hash(value))).encoded();

        HttpResponse<byte[]> ok = post(ses, data, "application/json", "");
        JsonNode report = json.readTree(ok.body());
        assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("PASSED");
        assertThat(report.get("documentType").asText()).isEqualTo("SES_SIGNATURE");
        assertThat(report.get("signatures").get(0).get("esId").asText()).isEqualTo(seal.esId());

        byte[] other = data.clone();
        other[0] ^= 1;
        JsonNode changed = json.readTree(post(ses, other, "application/json", "").body());
        assertThat(check(changed.get("signatures").get(0), Check.DOCUMENT_INTEGRITY).get("verdict").asText())
                .isEqualTo("FAILED");
        assertError(post(ses, null, "application/json", ""), 400, NodeDocumentVerification.DETACHED_DATA_REQUIRED);
    }

    @Test
    void sealRevokedBeforeTheSigningTimeFailsSealStatus() throws Exception {
        VerificationTestSeals.Made seal = seals.make("注销单位");
        statuses.recordChange(seal.esId(), SealStatus.REVOKED, Instant.now().minusSeconds(30), "unit dissolved");
        byte[] pdf = signPdf(seal);

        JsonNode status = check(verifyJson(pdf).get("signatures").get(0), Check.SEAL_STATUS);
        assertThat(status.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(status.get("code").asText()).isEqualTo(SealStatusPolicy.SEAL_REVOKED);
    }

    @Test
    void sealRevokedAfterTheTimeStampedSigningPassesAndTheReasonNamesTheRevocation() throws Exception {
        VerificationTestSeals.Made seal = seals.make("后注销单位");
        byte[] pdf = signPdf(seal);
        Thread.sleep(1100); // genTime may be whole seconds: the revocation must come after it
        statuses.recordChange(seal.esId(), SealStatus.REVOKED, null, "unit merged");

        JsonNode report = verifyJson(pdf);
        JsonNode status = check(report.get("signatures").get(0), Check.SEAL_STATUS);
        assertThat(status.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(status.get("code").asText()).isEqualTo(SealStatusPolicy.CHANGED_AFTER_SIGNING);
        assertThat(status.get("reason").asText()).contains("REVOKED", "unit merged");
        assertThat(report.get("verdict").asText()).isEqualTo("PASSED");
    }

    @Test
    void certificateRevokedBeforeTheSigningTimeFailsCertificateStatus() throws Exception {
        VerificationTestSeals.Made seal = seals.make("吊销证书单位");
        byte[] pdf = signPdf(seal);
        ca.revoke(seal.certificate().serial(), RevocationReason.KEY_COMPROMISE, Instant.now().minusSeconds(3600));

        JsonNode report = verifyJson(pdf);
        JsonNode status = check(report.get("signatures").get(0), Check.CERTIFICATE_STATUS);
        assertThat(status.get("code").asText()).isEqualTo(CertificateStatusPolicy.CERTIFICATE_REVOKED);
        assertThat(report.get("verdict").asText()).isEqualTo("FAILED");
    }

    @Test
    void pdfReportRendersTheVerdictInChineseAndEnglish() throws Exception {
        byte[] pdf = signPdf(seals.make("报告单位"));

        HttpResponse<byte[]> zh = post(pdf, null, "application/pdf", "");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        assertThat(text(zh.body())).contains("电子印章验证报告", "验证结论: 通过", "报告单位公章", "印章状态");

        HttpResponse<byte[]> en = post(pdf, null, "application/pdf", "?lang=en");
        assertThat(text(en.body())).contains("Verdict: PASSED", "Seal status");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badUploadsAreClientErrorsNeverServerErrors() throws Exception {
        assertError(post("not a document".getBytes(StandardCharsets.US_ASCII), null, "application/json", ""),
                400, NodeDocumentVerification.DOCUMENT_TYPE_UNSUPPORTED);
        assertError(send("application/json", "{}".getBytes(StandardCharsets.US_ASCII), "application/json", ""),
                400, VerificationController.MALFORMED_REQUEST);
        byte[] large = new byte[400 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
        assertError(post(large, null, "application/json", ""), 413, NodeDocumentVerification.DOCUMENT_TOO_LARGE);

        byte[] pdf = signPdf(seals.make("截断单位"));
        JsonNode truncated = verifyJson(Arrays.copyOf(pdf, pdf.length / 2));
        assertThat(truncated.get("verdict").asText()).isNotEqualTo("PASSED");

        // a multipart body cut off in the middle of the part
        String boundary = "b" + UUID.randomUUID();
        byte[] body = multipart(boundary, pdf, null);
        HttpResponse<byte[]> cut = send("multipart/form-data; boundary=" + boundary,
                Arrays.copyOf(body, body.length / 2), "application/json", "");
        assertThat(cut.statusCode()).as(new String(cut.body(), StandardCharsets.UTF_8)).isBetween(400, 499);
    }

    // ------------------------------------------------------------------ online sources against this node

    @Test
    void ocspSourceAsksTheNodesResponderAndSeesRevocationAsDoesTheCrlFallback() {
        VerificationTestSeals.Made seal = seals.make("OCSP单位");
        OcspRevocationSource ocsp = new OcspRevocationSource(Optional.of(URI.create(base() + "/ca/ocsp")),
                Duration.ofSeconds(5), java.time.Clock.systemUTC());
        Instant signedAt = Instant.now();

        CheckResult good = ocsp.status(seal.certificate().certificate(), ca.rootCertificate(), signedAt);
        assertThat(good.verdict()).as(good.reason()).isEqualTo(Verdict.PASSED);

        ca.revoke(seal.certificate().serial(), RevocationReason.KEY_COMPROMISE, signedAt.minusSeconds(60));
        CheckResult revoked = ocsp.status(seal.certificate().certificate(), ca.rootCertificate(), signedAt);
        assertThat(revoked.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(revoked.code()).isEqualTo(CertificateStatusPolicy.CERTIFICATE_REVOKED);

        // asked as if another CA had issued it: the responder does not know it and cannot have been delegated
        CheckResult wrongIssuer = ocsp.status(seal.certificate().certificate(), ca.nodeCertificate(), signedAt);
        assertThat(wrongIssuer.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(wrongIssuer.reason()).contains("does not verify with the issuer");

        // the CRL fallback: used only when OCSP cannot answer, and it sees the same revocation
        CheckResult fromCrl = CrlRevocationSource.orElse(
                new OcspRevocationSource(Optional.of(URI.create("http://127.0.0.1:1/ocsp")), Duration.ofSeconds(2),
                        java.time.Clock.systemUTC()),
                new CrlRevocationSource(Optional.of(URI.create(base() + "/ca/crl")), Duration.ofSeconds(5),
                        java.time.Clock.systemUTC()))
                .status(seal.certificate().certificate(), ca.rootCertificate(), signedAt);
        assertThat(fromCrl.code()).as(fromCrl.reason()).isEqualTo(CertificateStatusPolicy.CERTIFICATE_REVOKED);
        assertThat(fromCrl.reason()).contains("CRL");

        CheckResult offline = new OcspRevocationSource(Optional.of(URI.create("http://127.0.0.1:1/ocsp")),
                Duration.ofSeconds(2), java.time.Clock.systemUTC())
                .status(seal.certificate().certificate(), ca.rootCertificate(), signedAt);
        assertThat(offline.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(offline.code()).isEqualTo(CertificateStatusPolicy.STATUS_UNAVAILABLE);
    }

    @Test
    void httpStatusSourceTrustsOnlyAnswersSignedByTheNode() {
        VerificationTestSeals.Made seal = seals.make("状态单位");
        SigningTime signed = new SigningTime(Instant.now().minusSeconds(5), true);
        HttpSealStatusSource trusted = HttpSealStatusSource.trustingNodeCertificate(URI.create(base()),
                ca.nodeCertificate(), List.of(ca.rootCertificate()), Duration.ofSeconds(5));

        CheckResult valid = trusted.status(seal.esId(), signed);
        assertThat(valid.verdict()).as(valid.reason()).isEqualTo(Verdict.PASSED);

        statuses.recordChange(seal.esId(), SealStatus.SUSPENDED, Instant.now().minusSeconds(60), "carrier lost");
        CheckResult suspended = trusted.status(seal.esId(), signed);
        assertThat(suspended.code()).isEqualTo(SealStatusPolicy.SEAL_SUSPENDED);

        Sm2PublicKey stranger = device.exportSignPublicKey(device.generateKeyPair("stranger-" + UUID.randomUUID()));
        CheckResult forged = new HttpSealStatusSource(URI.create(base()), stranger, Duration.ofSeconds(5))
                .status(seal.esId(), signed);
        assertThat(forged.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(forged.code()).isEqualTo(SealStatusPolicy.STATUS_UNAVAILABLE);
        assertThat(forged.reason()).contains("not by the trusted signer");
    }

    @Test
    void revocationListSourceReadsTheNodesSignedListAndRefusesAForgedOne() throws Exception {
        VerificationTestSeals.Made seal = seals.make("名单单位");
        Instant revokedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        statuses.recordChange(seal.esId(), SealStatus.REVOKED, revokedAt, "unit dissolved");
        Sm2PublicKey signer = Sm2PublicKey.fromSubjectPublicKeyInfo(ca.nodeCertificate().getSubjectPublicKeyInfo());

        // lists are published shortly after a change (debounced): wait for one that has it
        CheckResult now = null;
        for (int i = 0; i < 50 && (now == null || now.verdict() != Verdict.FAILED); i++) {
            Thread.sleep(200);
            now = RevocationListSealStatusSource.download(URI.create(base()), signer, Duration.ofSeconds(5),
                    java.time.Clock.systemUTC()).status(seal.esId(), new SigningTime(Instant.now(), false));
        }
        assertThat(now.code()).as(now.reason()).isEqualTo(SealStatusPolicy.SEAL_REVOKED);
        RevocationListSealStatusSource list = RevocationListSealStatusSource.download(URI.create(base()), signer,
                Duration.ofSeconds(5), java.time.Clock.systemUTC());
        CheckResult before = list.status(seal.esId(), new SigningTime(revokedAt.minusSeconds(60), true));
        assertThat(before.code()).isEqualTo(SealStatusPolicy.CHANGED_AFTER_SIGNING);
        assertThat(list.status("NOT-LISTED-1", new SigningTime(Instant.now(), false)).verdict())
                .isEqualTo(Verdict.PASSED);

        HttpResponse<byte[]> document = http.send(HttpRequest.newBuilder(URI.create(base()
                + "/api/v1/seal-status/revocation-list?number=" + list.number())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> signature = http.send(HttpRequest.newBuilder(URI.create(base()
                + "/api/v1/seal-status/revocation-list.sig?number=" + list.number())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] forged = new String(document.body(), StandardCharsets.UTF_8).replace(seal.esId(), "X" + seal.esId())
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RevocationListSealStatusSource.of(forged, signature.body(), signer,
                java.time.Clock.systemUTC())).hasMessageContaining("does not verify");
        CheckResult stale = RevocationListSealStatusSource.of(document.body(), signature.body(), signer,
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofDays(2)))
                .status(seal.esId(), new SigningTime(Instant.now(), false));
        assertThat(stale.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(stale.reason()).contains("stale");
    }

    // ------------------------------------------------------------------ helpers

    private String base() {
        return "http://localhost:" + port;
    }

    private TimeStampSource tsa() {
        return new HttpTimeStampSource(URI.create(base() + "/ca/tsa"), Duration.ofSeconds(10));
    }

    private byte[] signPdf(VerificationTestSeals.Made seal) throws Exception {
        return new PdfSigner(tsa()).sign(onePage(), seal.key(), StampPlacement.at(1, 150, 230));
    }

    private static byte[] onePage() {
        return TestDocuments.onePagePdf(TITLE);
    }

    private JsonNode verifyJson(byte[] document) throws Exception {
        HttpResponse<byte[]> response = post(document, null, "application/json", "");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode check(JsonNode signature, Check check) {
        for (JsonNode node : signature.get("checks")) {
            if (node.get("check").asText().equals(check.name())) {
                return node;
            }
        }
        throw new AssertionError("no " + check + " in " + signature);
    }

    private HttpResponse<byte[]> post(byte[] file, byte[] data, String accept, String query) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        return send("multipart/form-data; boundary=" + boundary, multipart(boundary, file, data), accept, query);
    }

    private HttpResponse<byte[]> send(String contentType, byte[] body, String accept, String query)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/verify" + query))
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] multipart(String boundary, byte[] file, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, "file", file);
        if (data != null) {
            part(out, boundary, "data", data);
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + name + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void assertError(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
