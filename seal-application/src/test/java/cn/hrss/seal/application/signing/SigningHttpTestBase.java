package cn.hrss.seal.application.signing;

import cn.hrss.seal.application.ofd.OfdSamples;
import cn.hrss.seal.application.testing.IndependentPdfCheck;
import cn.hrss.seal.application.testing.SigningTestApplication;
import cn.hrss.seal.client.Placement;
import cn.hrss.seal.client.SealApiException;
import cn.hrss.seal.client.SealClient;
import cn.hrss.seal.client.SignRequest;
import cn.hrss.seal.client.VerificationReport;
import cn.hrss.seal.core.crypto.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static cn.hrss.seal.testsupport.TestIdentifiers.creditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reviewed signing and the business API on a running node (random port, real bearer tokens), driven through the
 * business systems' client library; seals are made through the seal-making API; every signed output is checked by
 * the node's verification and the PDF additionally with PDFBox + BouncyCastle CMS alone. Each test makes its own
 * users and seal, so tests do not depend on each other or on their order.
 */
@SpringBootTest(classes = SigningTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seal.accounts.bootstrap-admin=admin:Admin9Password", "seal.making.expiry.enabled=false"})
abstract class SigningHttpTestBase {
    private static final AtomicLong USERS = new AtomicLong(System.nanoTime() % 100_000);
    private static final String PURPOSE = "社会保险待遇核定通知";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    String operator;
    String otherOperator;
    String reviewer;
    String operatorReviewer;
    String businessAdmin;
    String esId;

    @BeforeEach
    void usersAndSeal() throws Exception {
        String admin = token("admin", "Admin9Password");
        long n = USERS.incrementAndGet();
        operator = user(admin, "op" + n, "SEAL_OPERATOR");
        otherOperator = user(admin, "op2-" + n, "SEAL_OPERATOR");
        reviewer = user(admin, "rv" + n, "SEAL_REVIEWER");
        operatorReviewer = user(admin, "oprv" + n, "SEAL_OPERATOR\",\"SEAL_REVIEWER");
        businessAdmin = user(admin, "ba" + n, "BUSINESS_ADMIN");
        esId = makeSeal();
        // signing and time-stamp times have whole seconds: a seal used in the second it was made would be
        // checked against the status system just before its first status (SEAL_UNKNOWN, INDETERMINATE)
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 20);
    }

    // ---------------------------------------------------------------- reviewed use

    @Test
    void reviewedRequestIsApprovedByAnotherUserThenSignedOnceByTheApplicant() throws Exception {
        SealClient op = client(operator);
        byte[] pdf = pdf("甲方（盖章）");
        byte[] ofd = OfdSamples.document(List.of(List.of("劳动合同", "甲方（盖章）")));
        byte[] data = "{\"benefit\":\"pension\",\"amount\":3200}".getBytes(StandardCharsets.UTF_8);
        SignRequest request = op.createSignRequest(esId, PURPOSE, List.of(
                SignRequest.Document.pdf("contract.pdf", pdf, Placement.at(1, 150, 230)),
                SignRequest.Document.ofd("contract.ofd", ofd, Placement.at(1, 120, 200)),
                SignRequest.Document.data("benefit.json", data)));
        assertThat(request.status()).isEqualTo("SUBMITTED");

        // not before approval, not by a reviewer of their own request, not by someone else
        assertCode(() -> op.signSignRequest(request.id()), 409, "SIGN_REQUEST_NOT_APPROVED");
        assertCode(() -> client(operatorReviewer).approveSignRequest(
                client(operatorReviewer).createSignRequest(esId, PURPOSE,
                        List.of(SignRequest.Document.data("d", data))).id(), "同意"), 403, "SEPARATION_OF_DUTIES");
        assertCode(() -> op.approveSignRequest(request.id(), "同意"), 403, "FORBIDDEN");

        assertThat(client(reviewer).approveSignRequest(request.id(), "同意用印").status()).isEqualTo("APPROVED");
        assertCode(() -> client(reviewer).rejectSignRequest(request.id(), "改主意"), 409,
                "SIGN_REQUEST_NOT_SUBMITTED");
        assertCode(() -> client(otherOperator).signSignRequest(request.id()), 403, "SIGN_REQUEST_NOT_APPLICANT");
        assertThat(op.signSignRequest(request.id()).status()).isEqualTo("SIGNED");
        assertCode(() -> op.signSignRequest(request.id()), 409, "SIGN_REQUEST_NOT_APPROVED");

        byte[] signedPdf = op.signedDocument(request.id(), 0);
        byte[] signedOfd = op.signedDocument(request.id(), 1);
        byte[] signature = op.signedDocument(request.id(), 2);
        SealClient anyone = SealClient.builder().baseUrl(base()).build();
        assertPassed(anyone.verify(signedPdf), "PDF");
        assertPassed(anyone.verify(signedOfd), "OFD");
        assertPassed(anyone.verify(signature, data), "SES_SIGNATURE");
        assertIndependentlyValidPdf(signedPdf);

        // the three records are signed by the acting users' keys and name the document digests
        JsonNode stored = getJson("/api/v1/sign-requests/" + request.id(), operator);
        for (String step : List.of("requestRecord", "reviewRecord", "signRecord")) {
            JsonNode record = stored.get(step);
            assertThat(new UserKeys.SignedRecord(record.get("actor").asText(), record.get("text").asText(),
                    record.get("signature").asText(), record.get("publicKey").asText()).verifies()).as(step).isTrue();
        }
        assertThat(stored.get("requestRecord").get("text").asText()).contains(hex(Sm3.hash(pdf)), esId);
        assertThat(stored.get("reviewRecord").get("actor").asText()).isEqualTo(reviewer);
        List<String> actions = jdbc.queryForList("SELECT action FROM audit_record WHERE details LIKE ?", String.class,
                "%" + request.id() + "%");
        assertThat(actions).contains("sign-request.submit", "sign-request.approve", "seal.sign");
    }

    @Test
    void rejectedRequestCannotBeSignedAndBadRequestsChangeNothing() throws Exception {
        SealClient op = client(operator);
        SignRequest request = op.createSignRequest(esId, PURPOSE, List.of(SignRequest.Document.data("d", new byte[] {1})));
        assertCode(() -> client(reviewer).rejectSignRequest(request.id(), "用途不符\ndecision=APPROVE"), 400,
                "SIGN_REQUEST_INVALID");
        assertThat(client(reviewer).rejectSignRequest(request.id(), "用途不符").status()).isEqualTo("REJECTED");
        assertCode(() -> op.signSignRequest(request.id()), 409, "SIGN_REQUEST_NOT_APPROVED");

        int before = jdbc.queryForObject("SELECT COUNT(*) FROM application_sign_request", Integer.class);
        assertCode(() -> op.createSignRequest(esId, PURPOSE, List.of(SignRequest.Document.pdf("x.pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8), Placement.at(1, 10, 10)))), 400, "DOCUMENT_TYPE_MISMATCH");
        assertCode(() -> op.createSignRequest("NO-SUCH-SEAL", PURPOSE, List.of(SignRequest.Document.data("d",
                new byte[] {1}))), 404, "SEAL_NOT_FOUND");
        assertCode(() -> op.createSignRequest(esId, "", List.of(SignRequest.Document.data("d", new byte[] {1}))),
                400, "SIGN_REQUEST_INVALID");
        assertCode(() -> op.createSignRequest(esId, "用途\nreviewer=someone", List.of(SignRequest.Document.data("d",
                new byte[] {1}))), 400, "SIGN_REQUEST_INVALID");
        assertThat(post("/api/v1/sign-requests", operator, "{\"esId\":\"" + esId + "\",\"purpose\":\"p\","
                + "\"documents\":[{\"name\":\"a\",\"type\":\"DATA\",\"contentBase64\":\"***\"}]}").statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/sign-requests", operator, "{\"esId\":").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_sign_request", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void aSuspendedSealIsNeitherApprovedNorSigned() throws Exception {
        SealClient op = client(operator);
        SignRequest request = op.createSignRequest(esId, PURPOSE, List.of(SignRequest.Document.data("d", new byte[] {1})));
        assertThat(post("/api/v1/seals/" + esId + "/loss", operator, "{\"reason\":\"印章遗失\"}").statusCode())
                .isEqualTo(200);
        assertCode(() -> client(reviewer).approveSignRequest(request.id(), "同意"), 409, "SEAL_NOT_USABLE");
    }

    @Test
    void aSealSuspendedAfterApprovalIsNotSigned() throws Exception {
        SealClient op = client(operator);
        SignRequest request = op.createSignRequest(esId, PURPOSE, List.of(SignRequest.Document.data("d", new byte[] {2})));
        client(reviewer).approveSignRequest(request.id(), "同意");
        assertThat(post("/api/v1/seals/" + esId + "/loss", operator, "{\"reason\":\"印章遗失\"}").statusCode())
                .isEqualTo(200);
        assertCode(() -> op.signSignRequest(request.id()), 409, "SEAL_NOT_USABLE");
        assertThat(getJson("/api/v1/sign-requests/" + request.id(), operator).get("status").asText())
                .isEqualTo("APPROVED");
    }

    // ---------------------------------------------------------------- business API

    @Test
    void apiClientSignsUnderItsAuthorisationWithinItsLimits() throws Exception {
        JsonNode credentials = json.readTree(post("/api/v1/api-clients", businessAdmin,
                "{\"name\":\"社保核心系统\"}").body());
        String clientId = credentials.get("clientId").asText();
        SealClient admin = client(businessAdmin);
        String authorisationId = admin.grantAuthorisation(clientId, esId, List.of(PURPOSE),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(30), 4).id();
        SealClient business = SealClient.builder().baseUrl(base()).build();
        business.loginClient(clientId, credentials.get("clientSecret").asText());

        byte[] signedPdf = business.signPdf(esId, PURPOSE, pdf("Party B"), Placement.keyword("Party B"));
        byte[] signedOfd = business.signOfd(esId, PURPOSE, OfdSamples.document(List.of(List.of("a"), List.of("b"))),
                Placement.riding());
        byte[] data = "payroll 2026-11".getBytes(StandardCharsets.UTF_8);
        byte[] signature = business.signData(esId, PURPOSE, data);
        assertPassed(business.verify(signedPdf), "PDF");
        assertPassed(business.verify(signedOfd), "OFD");
        assertPassed(business.verify(signature, data), "SES_SIGNATURE");
        assertIndependentlyValidPdf(signedPdf);
        assertThat(business.verify(signature, "payroll 2026-12".getBytes(StandardCharsets.UTF_8)).verdict())
                .isEqualTo("FAILED");

        // the fourth signing of the day uses the limit up; refused calls do not count
        assertCode(() -> business.signData(esId, "另一个用途", data), 403, "AUTHORISATION_MISSING");
        assertCode(() -> business.signPdf(esId, PURPOSE, "no pdf".getBytes(StandardCharsets.UTF_8),
                Placement.at(1, 10, 10)), 400, "DOCUMENT_TYPE_MISMATCH");
        business.signDigest(esId, PURPOSE, Sm3.hash(data));
        assertCode(() -> business.signDigest(esId, PURPOSE, Sm3.hash(data)), 429, "DAILY_LIMIT_REACHED");

        admin.revokeAuthorisation(authorisationId);
        admin.grantAuthorisation(clientId, esId, List.of("另一个用途"), OffsetDateTime.now(ZoneOffset.UTC).plusDays(1),
                100);
        assertCode(() -> business.signData(esId, PURPOSE, data), 403, "AUTHORISATION_REVOKED");
        assertThat(business.signData(esId, "另一个用途", data)).isNotEmpty();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE action = 'seal.sign' AND actor = ?",
                Integer.class, "client:" + clientId)).isEqualTo(5);
        // a seal in trouble stops the API at once
        assertThat(post("/api/v1/seals/" + esId + "/loss", operator, "{\"reason\":\"印章遗失\"}").statusCode())
                .isEqualTo(200);
        assertCode(() -> business.signData(esId, "另一个用途", data), 409, "SEAL_NOT_USABLE");
    }

    @Test
    void anApiClientSignsABatchOfDigestsInOneCallCountedAllOrNone() throws Exception {
        JsonNode credentials = apiClientAllowedPerDay("批量签名", 7);
        String clientId = credentials.get("clientId").asText();
        SealClient business = SealClient.builder().baseUrl(base()).build();
        business.loginClient(clientId, credentials.get("clientSecret").asText());
        List<byte[]> data = List.of(bytes("待遇 1"), bytes("待遇 2"), bytes("待遇 3"));

        List<byte[]> signatures = business.signDigests(esId, PURPOSE, data.stream().map(Sm3::hash).toList(), true);
        assertThat(signatures).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertPassed(business.verify(signatures.get(i), data.get(i)), "SES_SIGNATURE");
        }
        // in the order asked: the first signature is not over the second digest
        assertThat(business.verify(signatures.get(0), data.get(1)).verdict()).isEqualTo("FAILED");

        // without time stamps the signatures verify, but nothing but the evidence log proves when
        List<byte[]> plain = business.signDigests(esId, PURPOSE, List.of(Sm3.hash(data.get(0))), false);
        VerificationReport untimed = business.verify(plain.get(0), data.get(0));
        assertThat(untimed.verdict()).isEqualTo("INDETERMINATE");
        assertThat(untimed.signatures().get(0).checks()).anySatisfy(c -> {
            assertThat(c.check()).isEqualTo("TIME_STAMP");
            assertThat(c.code()).isEqualTo("NO_TIME_STAMP");
        });

        // 4 used of 7: a batch of 4 is refused whole and counts nothing; a batch of 3 still fits
        List<byte[]> four = data.stream().map(Sm3::hash).collect(java.util.stream.Collectors.toList());
        four.add(Sm3.hash(bytes("待遇 4")));
        assertCode(() -> business.signDigests(esId, PURPOSE, four, true), 429, "DAILY_LIMIT_REACHED");
        assertThat(business.signDigests(esId, PURPOSE, four.subList(0, 3), true)).hasSize(3);
        assertCode(() -> business.signDigests(esId, PURPOSE, List.of(Sm3.hash(data.get(0))), true), 429,
                "DAILY_LIMIT_REACHED");
        // one audit record per call; a batch's record commits to its items, kept beside it
        List<String> details = jdbc.queryForList("SELECT details FROM audit_record WHERE action = 'seal.sign' "
                + "AND actor = ?", String.class, "client:" + clientId);
        assertThat(details).hasSize(3);
        JsonNode firstBatch = json.readTree(details.stream().filter(d -> d.contains("\"count\":3")).findFirst()
                .orElseThrow());
        String signId = firstBatch.get("signId").asText();
        String items = jdbc.queryForObject("SELECT items FROM application_signed_items WHERE sign_id = ?",
                String.class, signId);
        List<String> lines = List.of(items.split("\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("2 " + hex(Sm3.hash(data.get(2))) + " ");
        assertThat(firstBatch.get("itemsSm3").asText()).isEqualTo(hex(Sm3.hash(bytes(items))));

        // the JSON answer: each entry names its digest, the base64 signature and that signature's SM3
        String token = token(clientId, credentials.get("clientSecret").asText(), true);
        client(businessAdmin).grantAuthorisation(clientId, esId, List.of("批量"), OffsetDateTime.now(ZoneOffset.UTC)
                .plusDays(1), 10);
        HttpResponse<String> answer = post("/api/v1/sign/data/batch", token, json.writeValueAsString(Map.of(
                "esId", esId, "purpose", "批量", "sm3", List.of(hex(Sm3.hash(data.get(1)))))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode item = json.readTree(answer.body()).get("signatures").get(0);
        byte[] signature = java.util.Base64.getDecoder().decode(item.get("signature").asText());
        assertThat(item.get("sm3").asText()).isEqualTo(hex(Sm3.hash(data.get(1))));
        assertThat(item.get("signatureSm3").asText()).isEqualTo(hex(Sm3.hash(signature)));
        assertThat(answer.headers().firstValue("Seal-Sign-Id")).hasValue(json.readTree(answer.body())
                .get("signId").asText());
        assertPassed(business.verify(signature, data.get(1)), "SES_SIGNATURE");
    }

    @Test
    void badBatchesAreClearRefusalsThatCountNothing() throws Exception {
        JsonNode credentials = apiClientAllowedPerDay("坏批量", 2);
        String clientId = credentials.get("clientId").asText();
        String token = token(clientId, credentials.get("clientSecret").asText(), true);
        String good = hex(Sm3.hash(bytes("x")));
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put(json.writeValueAsString(Map.of("esId", esId, "purpose", PURPOSE, "sm3", List.of())),
                "BATCH_SIZE_INVALID");
        refusals.put(json.writeValueAsString(Map.of("esId", esId, "purpose", PURPOSE,
                "sm3", java.util.Collections.nCopies(501, good))), "BATCH_SIZE_INVALID");
        refusals.put(json.writeValueAsString(Map.of("esId", esId, "purpose", PURPOSE, "sm3", List.of(good, "abc"))),
                "SM3_DIGEST_INVALID");
        refusals.put(json.writeValueAsString(Map.of("purpose", PURPOSE, "sm3", List.of(good))), "ES_ID_REQUIRED");
        refusals.put(json.writeValueAsString(Map.of("esId", esId, "sm3", List.of(good))), "PURPOSE_INVALID");
        refusals.put(json.writeValueAsString(Map.of("esId", esId, "purpose", PURPOSE, "sm3", List.of(good),
                "timeStamp", "perhaps")), null);
        refusals.put("{\"esId\":", null);
        refusals.put("[1,2]", null);
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            for (String accept : List.of("application/json", "application/vnd.hrss.ses-signature-list+der")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/sign/data/batch"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(refusal.getKey())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(refusal.getKey() + " " + accept + ": " + r.body()).isEqualTo(400);
                String code = json.readTree(r.body()).get("code").asText();
                assertThat(code).as(r.body()).isEqualTo(refusal.getValue() != null ? refusal.getValue() : code)
                        .isNotBlank();
            }
        }
        HttpResponse<String> unauthorised = post("/api/v1/sign/data/batch", token, json.writeValueAsString(Map.of(
                "esId", esId, "purpose", "未授权", "sm3", List.of(good))));
        assertThat(unauthorised.statusCode()).isEqualTo(403);
        // nothing was counted: the whole limit is still there
        SealClient business = SealClient.builder().baseUrl(base()).build();
        business.loginClient(clientId, credentials.get("clientSecret").asText());
        assertThat(business.signDigests(esId, PURPOSE, List.of(Sm3.hash(bytes("a")), Sm3.hash(bytes("b"))), true))
                .hasSize(2);
    }

    @Test
    void anotherSealOrAnExpiredAuthorisationIsRefused() throws Exception {
        JsonNode credentials = json.readTree(post("/api/v1/api-clients", businessAdmin, "{\"name\":\"到期\"}").body());
        String clientId = credentials.get("clientId").asText();
        client(businessAdmin).grantAuthorisation(clientId, esId, List.of(PURPOSE),
                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3), 1000);
        SealClient business = SealClient.builder().baseUrl(base()).build();
        business.loginClient(clientId, credentials.get("clientSecret").asText());
        byte[] data = "benefit".getBytes(StandardCharsets.UTF_8);
        String otherSeal = makeSeal();
        assertCode(() -> business.signData(otherSeal, PURPOSE, data), 403, "AUTHORISATION_MISSING");
        assertThat(business.signData(esId, PURPOSE, data)).isNotEmpty();
        Thread.sleep(3_500);
        assertCode(() -> business.signData(esId, PURPOSE, data), 403, "AUTHORISATION_EXPIRED");
    }

    @Test
    void theDailyLimitHoldsUnderConcurrency() throws Exception {
        JsonNode credentials = json.readTree(post("/api/v1/api-clients", businessAdmin, "{\"name\":\"批量\"}").body());
        String clientId = credentials.get("clientId").asText();
        client(businessAdmin).grantAuthorisation(clientId, esId, List.of(PURPOSE),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), 5);
        SealClient business = SealClient.builder().baseUrl(base()).build();
        business.loginClient(clientId, credentials.get("clientSecret").asText());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(pool.submit(() -> {
                    try {
                        business.signDigest(esId, PURPOSE, Sm3.hash(new byte[] {1}));
                        return 200;
                    } catch (SealApiException e) {
                        return e.httpStatus();
                    }
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badBusinessCallsAreClearRefusals() throws Exception {
        JsonNode credentials = json.readTree(post("/api/v1/api-clients", businessAdmin, "{\"name\":\"坏\"}").body());
        String clientId = credentials.get("clientId").asText();
        SealClient admin = client(businessAdmin);
        assertCode(() -> admin.grantAuthorisation(clientId, esId, List.of(), OffsetDateTime.now(ZoneOffset.UTC)
                .plusDays(1), 1), 400, "AUTHORISATION_INVALID");
        assertCode(() -> admin.grantAuthorisation(clientId, esId, List.of(PURPOSE), OffsetDateTime.now(ZoneOffset.UTC)
                .minusDays(1), 1), 400, "AUTHORISATION_INVALID");
        assertCode(() -> admin.grantAuthorisation(clientId, "NO-SUCH-SEAL", List.of(PURPOSE),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), 1), 404, "SEAL_NOT_FOUND");
        assertCode(() -> client(operator).grantAuthorisation(clientId, esId, List.of(PURPOSE),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), 1), 403, "FORBIDDEN");
        admin.grantAuthorisation(clientId, esId, List.of(PURPOSE), OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), 9);
        SealClient business = SealClient.builder().baseUrl(base()).build();
        business.loginClient(clientId, credentials.get("clientSecret").asText());
        String token = token(clientId, credentials.get("clientSecret").asText(), true);
        for (String[] form : new String[][] {{"esId", esId, "purpose", PURPOSE, "sm3", "abc"},
                {"esId", esId, "purpose", PURPOSE}, {"esId", esId, "sm3", hex(new byte[32])}}) {
            HttpResponse<String> r = multipart("/api/v1/sign/data", token, form);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("code").asText()).isNotBlank();
        }
        HttpResponse<String> badPlacement = multipart("/api/v1/sign/pdf", token, new String[] {"esId", esId,
                "purpose", PURPOSE, "page", "0", "x", "10", "y", "10"});
        assertThat(badPlacement.statusCode()).isEqualTo(400);
        assertThat(badPlacement.body()).contains("PLACEMENT_INVALID");
        assertThat(multipart("/api/v1/sign/pdf", token, new String[] {"esId", esId, "purpose", PURPOSE})
                .statusCode()).isEqualTo(400);
        // a truncated PDF is refused, not a 500
        byte[] pdf = pdf("x");
        assertCode(() -> business.signPdf(esId, PURPOSE, java.util.Arrays.copyOf(pdf, pdf.length / 2),
                Placement.at(1, 10, 10)), 400, null);
    }

    // ---------------------------------------------------------------- helpers

    /** A new API client (its credentials) allowed to sign with the test seal for PURPOSE, so many times a day. */
    JsonNode apiClientAllowedPerDay(String name, int dailyLimit) throws Exception {
        JsonNode credentials = json.readTree(post("/api/v1/api-clients", businessAdmin,
                json.writeValueAsString(Map.of("name", name))).body());
        client(businessAdmin).grantAuthorisation(credentials.get("clientId").asText(), esId, List.of(PURPOSE),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), dailyLimit);
        return credentials;
    }

    static void assertPassed(VerificationReport report, String type) {
        assertThat(report.verdict()).as(report.toString()).isEqualTo("PASSED");
        assertThat(report.documentType()).isEqualTo(type);
    }

    /** Independent of our verifier: PDFBox + BouncyCastle CMS. */
    static void assertIndependentlyValidPdf(byte[] signed) throws Exception {
        assertThat(IndependentPdfCheck.signaturesVerify(signed)).isPositive();
    }

    void assertCode(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SealApiException.class, e -> {
            assertThat(e.httpStatus()).as(e.getMessage()).isEqualTo(status);
            if (code != null) {
                assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            }
        });
    }

    SealClient client(String username) {
        SealClient client = SealClient.builder().baseUrl(base()).build();
        client.loginUser(username, username + "Pass9word");
        return client;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String user(String adminToken, String username, String role) throws Exception {
        HttpResponse<String> r = post("/api/v1/users", adminToken, "{\"username\":\"" + username + "\",\"password\":\""
                + username + "Pass9word\",\"displayName\":\"" + username + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return username;
    }

    String makeSeal() throws Exception {
        String op = token(operator, operator + "Pass9word");
        String rv = token(reviewer, reviewer + "Pass9word");
        HttpResponse<String> applied = post("/api/v1/seal-applications", op, json.writeValueAsString(Map.ofEntries(
                Map.entry("unitCreditCode", creditCode("350100")), Map.entry("unitRegionCode", "350100"),
                Map.entry("unitType", "PUBLIC_INSTITUTION"), Map.entry("unitName", "福州市社会保险中心"),
                Map.entry("unitAddress", "福州市鼓楼区"), Map.entry("agentName", "张三"),
                Map.entry("agentIdNumber", "11010519491231002X"), Map.entry("agentPhone", "13800138000"),
                Map.entry("approverUnitName", "福州市人力资源和社会保障局"), Map.entry("approverRegionCode", "350100"),
                Map.entry("sealName", "业务专用章"), Map.entry("sealType", "99"), Map.entry("scope", "INDUSTRY"),
                Map.entry("validityDays", 365))));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        String id = json.readTree(applied.body()).get("id").asText();
        assertThat(post("/api/v1/seal-applications/" + id + "/approve", rv, "{\"opinion\":\"同意\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> made = post("/api/v1/seal-applications/" + id + "/make", op, "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        return json.readTree(made.body()).get("esId").asText();
    }

    String token(String username, String password) throws Exception {
        return token(username, password, false);
    }

    String token(String id, String secret, boolean apiClient) throws Exception {
        String body = apiClient ? "{\"clientId\":\"" + id + "\",\"clientSecret\":\"" + secret + "\"}"
                : "{\"username\":\"" + id + "\",\"password\":\"" + secret + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base()
                        + (apiClient ? "/api/v1/auth/client-token" : "/api/v1/auth/login")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("token").asText();
    }

    HttpResponse<String> post(String path, String usernameOrToken, String body) throws Exception {
        String token = usernameOrToken.length() > 40 ? usernameOrToken : token(usernameOrToken,
                usernameOrToken + "Pass9word");
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path, String username) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token(username, username + "Pass9word")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    HttpResponse<String> multipart(String path, String token, String[] fields) throws Exception {
        String boundary = "b" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdf(String keyword) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("Labour contract page " + (i + 1) + " " + (i == 1 ? ascii(keyword) : ""));
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Helvetica has no CJK glyphs: keywords in the test PDFs are ASCII stand-ins. */
    private static String ascii(String keyword) {
        return keyword.chars().allMatch(c -> c < 128) ? keyword : "Party";
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
