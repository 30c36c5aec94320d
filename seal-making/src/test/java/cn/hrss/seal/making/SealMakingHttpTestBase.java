package cn.hrss.seal.making;

import static cn.hrss.seal.testsupport.TestIdentifiers.creditCode;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.ses.SealView;
import cn.hrss.seal.core.ses.SesParser;
import cn.hrss.seal.core.ses.SesVerifier;
import cn.hrss.seal.making.api.NationalSealCodes;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.making.code.EsIdIssuer;
import cn.hrss.seal.making.code.IndustryEsId;
import cn.hrss.seal.core.skf.EnvelopedKeyBlob;
import cn.hrss.seal.making.lifecycle.ExpiryJob;
import cn.hrss.seal.making.lifecycle.SelfServiceRenewal;
import cn.hrss.seal.making.port.AuditLog;
import cn.hrss.seal.making.port.MakerIdentity;
import cn.hrss.seal.making.testing.MakingTestApplication;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.making.testing.RecordingAuditLog;
import cn.hrss.seal.making.testing.FailingSealCertificates;
import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole seal lifecycle through HTTP against the auto-configured module, with the ports wired to the simple
 * implementations in {@code testing}. Subclasses run it on PostgreSQL and on H2. Every test makes its own seals,
 * so tests do not depend on each other or on their order.
 */
@SpringBootTest(classes = MakingTestApplication.class,
        properties = {"seal.making.expiry.enabled=false", "seal.ca.validity.seal=P1500D"})
@AutoConfigureMockMvc
abstract class SealMakingHttpTestBase {
    static final RequestPostProcessor OPERATOR = user("operator-li").roles("SEAL_OPERATOR");
    static final RequestPostProcessor OTHER_OPERATOR = user("operator-wang").roles("SEAL_OPERATOR");
    static final RequestPostProcessor REVIEWER = user("reviewer-zhao").roles("SEAL_REVIEWER");
    /** Holds both roles: may apply and review, but never review its own application. */
    static final RequestPostProcessor OPERATOR_AND_REVIEWER = user("operator-li")
            .roles("SEAL_OPERATOR", "SEAL_REVIEWER");
    static final RequestPostProcessor HOLDER = user("holder-unit").roles("API_CLIENT");
    static final String AGENT_ID = "11010519491231002X";
    static final String AGENT_PHONE = "13912345678";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired CertificateAuthority ca;
    @Autowired FailingSealCertificates certificates;
    @Autowired SealStatusService sealStatus;
    @Autowired RecordingAuditLog audit;
    @Autowired MutableClock clock;
    @Autowired MakerIdentity maker;
    @Autowired CipherDevice device;
    @Autowired ExpiryJob expiryJob;
    @Autowired NationalSealCodes nationalCodes;
    @Autowired EsIdIssuer esIds;
    @Autowired PlatformTransactionManager transactions;

    // ---------------------------------------------------------------- the whole lifecycle

    @Test
    void industrySealIsAppliedReviewedMadeSuspendedAndRevoked() throws Exception {
        String applicationId = apply(application());
        JsonNode submitted = getJson("/api/v1/seal-applications/" + applicationId, OPERATOR);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("agentIdNumber").asText()).isEqualTo("110105********002X");
        assertThat(submitted.get("agentPhone").asText()).isEqualTo("139****5678");
        byte[] stored = jdbc.queryForObject("SELECT agent_id_number_enc FROM making_application WHERE id = ?",
                byte[].class, applicationId);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("19491231");

        review(applicationId, "approve", REVIEWER).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        JsonNode reviewed = getJson("/api/v1/seal-applications/" + applicationId, REVIEWER).get("review");
        byte[] signedContent = Base64.getDecoder().decode(reviewed.get("signedContent").asText());
        assertThat(new String(signedContent, StandardCharsets.UTF_8))
                .contains("decision=APPROVE", "reviewer=reviewer-zhao", "application=" + applicationId);
        assertThat(Sm2.verify(makerKey(), signedContent,
                Base64.getDecoder().decode(reviewed.get("signature").asText()))).isTrue();

        JsonNode made = make(applicationId);
        String esId = made.get("esId").asText();
        assertThat(made.get("status").asText()).isEqualTo("VALID");
        assertThat(IndustryEsId.parse(esId).regionCode()).isEqualTo("110105");
        assertThat(esId).hasSize(IndustryEsId.LENGTH).startsWith("110105" + yearDigits() + "9401");

        JsonNode seal = getJson("/api/v1/seals/" + esId, OPERATOR);
        assertThat(seal.get("status").asText()).isEqualTo("VALID");
        assertThat(seal.get("madeBy").asText()).isEqualTo("operator-li");
        assertThat(seal.get("delivery").asText()).isEqualTo("SERVER");

        byte[] certificate = mvc.perform(get("/api/v1/seals/" + esId + "/certificate").with(REVIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        SealView ses = sesSeal(esId);
        assertThat(ses.esId()).isEqualTo(esId);
        assertThat(ses.makerCertificate()).isEqualTo(maker.certificate());
        assertThat(Sm2.verify(makerKey(), ses.signedBytes(), ses.signatureValue())).isTrue();
        assertThat(ses.signerCertificates()).singleElement().isEqualTo(certificate);
        String keyLabel = jdbc.queryForObject("SELECT key_label FROM making_seal WHERE es_id = ?", String.class,
                esId);
        assertThat(publicKeyOf(certificate)).isEqualTo(device.exportSignPublicKey(device.findKey(keyLabel)
                .orElseThrow()));

        mvc.perform(get("/api/v1/seals/" + esId + "/picture").with(OPERATOR))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG));

        Instant validSince = clock.instant();
        clock.advance(Duration.ofHours(1));
        lifecycle(esId, "loss", Map.of("reason", "USBKey lost on 2026-11-20"), OPERATOR)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.successorApplicationId").isNotEmpty());
        assertThat(statusAt(esId, clock.instant())).isEqualTo(SealStatus.SUSPENDED);
        assertThat(statusAt(esId, validSince)).isEqualTo(SealStatus.VALID);
        assertThat(revocationOf(certificate)).isEqualTo(RevocationReason.KEY_COMPROMISE);

        clock.advance(Duration.ofHours(1));
        lifecycle(esId, "cancel", Map.of("reason", "unit dissolved"), OTHER_OPERATOR)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"));
        assertThat(statusAt(esId, clock.instant())).isEqualTo(SealStatus.REVOKED);
        assertThat(statusAt(esId, validSince)).isEqualTo(SealStatus.VALID);
        // revoked once, at the loss report
        assertThat(revocationOf(certificate)).isEqualTo(RevocationReason.KEY_COMPROMISE);

        JsonNode history = getJson("/api/v1/seals/" + esId, OPERATOR).get("history");
        assertThat(history).extracting(h -> h.get("action").asText() + " by " + h.get("actor").asText())
                .containsExactly("make by operator-li", "loss by operator-li", "cancel by operator-wang");
        String sealId = seal.get("sealId").asText();
        assertThat(audit.entriesFor(sealId)).extracting(SealMakingHttpTestBase::auditLine)
                .containsExactly("seal.make operator-li SUCCESS", "seal.loss operator-li SUCCESS",
                        "seal.cancel operator-wang SUCCESS");
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target = ? ORDER BY seq", String.class,
                "seal:" + sealId)).containsExactly("seal.make", "seal.loss", "seal.cancel");
        assertThat(audit.entriesFor(applicationId)).extracting(SealMakingHttpTestBase::auditLine)
                .containsExactly("seal-application.apply operator-li SUCCESS",
                        "seal-application.approve reviewer-zhao SUCCESS");

        // REVOKED is terminal
        lifecycle(esId, "renew", Map.of("reason", "again", "validityDays", 30), OPERATOR)
                .andExpect(error(409, "ILLEGAL_SEAL_TRANSITION"));
    }

    // ---------------------------------------------------------------- roles and separation of duties

    @Test
    void rolesAndSeparationOfDuties() throws Exception {
        mvc.perform(post("/api/v1/seal-applications").with(REVIEWER).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(application()))).andExpect(error(403, "FORBIDDEN"));
        mvc.perform(post("/api/v1/seal-applications").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(application()))).andExpect(status().isUnauthorized());

        String id = apply(application());
        review(id, "approve", OPERATOR).andExpect(error(403, "FORBIDDEN"));
        review(id, "approve", OPERATOR_AND_REVIEWER).andExpect(error(403, "SEPARATION_OF_DUTIES"));
        assertThat(applicationStatus(id)).isEqualTo("SUBMITTED");
        assertThat(count("making_review WHERE application_id = '" + id + "'")).isZero();
        assertThat(audit.entriesFor(id)).extracting(SealMakingHttpTestBase::auditLine)
                .containsExactly("seal-application.apply operator-li SUCCESS",
                        "seal-application.approve operator-li DENIED");
        mvc.perform(post("/api/v1/seal-applications/" + id + "/make").with(REVIEWER))
                .andExpect(error(403, "FORBIDDEN"));

        review(id, "approve", REVIEWER).andExpect(status().isOk());
        String esId = make(id).get("esId").asText();
        lifecycle(esId, "cancel", Map.of("reason", "x"), REVIEWER).andExpect(error(403, "FORBIDDEN"));
        lifecycle(esId, "renew", Map.of("reason", "x", "validityDays", 10), HOLDER)
                .andExpect(error(403, "FORBIDDEN"));
        mvc.perform(get("/api/v1/seals/" + esId + "/key-envelope").with(REVIEWER))
                .andExpect(error(403, "FORBIDDEN"));
        assertThat(sealState(esId)).isEqualTo("VALID");
    }

    // ---------------------------------------------------------------- bad input changes nothing

    @Test
    void badApplicationsAreRefusedAndNothingIsStored() throws Exception {
        int before = count("making_application");
        Map<String, Object> badCheck = application();
        String code = (String) badCheck.get("unitCreditCode");
        badCheck.put("unitCreditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        badCheck.put("agentIdNumber", "110105194912310021");
        badCheck.put("agentPhone", "23912345678");
        badCheck.put("unitRegionCode", "990000");
        postApplication(badCheck).andExpect(error(400, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.details.fields.unitCreditCode").exists())
                .andExpect(jsonPath("$.details.fields.agentIdNumber").exists())
                .andExpect(jsonPath("$.details.fields.agentPhone").exists())
                .andExpect(jsonPath("$.details.fields.unitRegionCode").exists());

        Map<String, Object> missing = application();
        missing.remove("sealName");
        postApplication(missing).andExpect(error(400, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.details.fields.sealName").exists());

        Map<String, Object> tooLong = application();
        tooLong.put("validityDays", 100_000);
        postApplication(tooLong).andExpect(error(400, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.details.fields.validityDays").exists());

        Map<String, Object> badScope = application();
        badScope.put("scope", "GALACTIC");
        postApplication(badScope).andExpect(error(400, "MALFORMED_REQUEST"));

        Map<String, Object> notPng = application();
        notPng.put("pictureBase64", Base64.getEncoder().encodeToString("GIF89a...".getBytes()));
        postApplication(notPng).andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.code", startsWith("PICTURE_")));

        Map<String, Object> hugePicture = application();
        hugePicture.put("pictureBase64", "A".repeat(2_000_004));
        postApplication(hugePicture).andExpect(error(400, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.details.fields.pictureBase64").exists());

        Map<String, Object> noHolderKey = application();
        noHolderKey.put("delivery", "USBKEY");
        postApplication(noHolderKey).andExpect(error(400, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.details.fields.holderPublicKey").exists());
        noHolderKey.put("holderPublicKey", Base64.getEncoder().encodeToString(new byte[65]));
        postApplication(noHolderKey).andExpect(error(400, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.details.fields.holderPublicKey").value("not an SM2 public key"));

        mvc.perform(post("/api/v1/seal-applications").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCreditCode\": ")).andExpect(error(400, "MALFORMED_REQUEST"));
        assertThat(count("making_application")).isEqualTo(before);
    }

    @Test
    void reviewersListPendingApplicationsOldestFirst() throws Exception {
        String first = apply(application());
        clock.advance(Duration.ofSeconds(1));
        String second = apply(application());
        JsonNode pending = getJson("/api/v1/seal-applications?status=SUBMITTED&limit=200", REVIEWER);
        List<String> ids = new ArrayList<>();
        pending.forEach(a -> ids.add(a.get("id").asText()));
        assertThat(ids).containsSubsequence(first, second);
        assertThat(pending.get(0).get("agentIdNumber").asText()).contains("****");
        mvc.perform(get("/api/v1/seal-applications?status=NOPE").with(REVIEWER))
                .andExpect(error(400, "BAD_PARAMETER"));
        mvc.perform(get("/api/v1/seal-applications").with(HOLDER)).andExpect(error(403, "FORBIDDEN"));
    }

    @Test
    void badReviewsAndMakesChangeNothing() throws Exception {
        String id = apply(application());
        review(id, "approve", REVIEWER, Map.of("opinion", " ")).andExpect(error(400, "VALIDATION_FAILED"));
        review("no-such-application", "approve", REVIEWER).andExpect(error(404, "APPLICATION_NOT_FOUND"));
        mvc.perform(post("/api/v1/seal-applications/" + id + "/make").with(OPERATOR))
                .andExpect(error(409, "APPLICATION_NOT_APPROVED"));
        assertThat(applicationStatus(id)).isEqualTo("SUBMITTED");
        assertThat(count("making_review")).isEqualTo(count("making_review WHERE application_id <> '" + id + "'"));

        review(id, "reject", REVIEWER).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        review(id, "approve", REVIEWER).andExpect(error(409, "APPLICATION_NOT_SUBMITTED"));
        mvc.perform(post("/api/v1/seal-applications/" + id + "/make").with(OPERATOR))
                .andExpect(error(409, "APPLICATION_NOT_APPROVED"));
        assertThat(applicationStatus(id)).isEqualTo("REJECTED");

        // a CA failure during making leaves the application approved and no seal behind; a retry succeeds
        String approved = apply(application());
        review(approved, "approve", REVIEWER).andExpect(status().isOk());
        int seals = count("making_seal");
        certificates.failNextIssue(new SealException("CA_UNAVAILABLE", 503, "CA down"));
        mvc.perform(post("/api/v1/seal-applications/" + approved + "/make").with(OPERATOR))
                .andExpect(error(503, "CA_UNAVAILABLE"));
        assertThat(count("making_seal")).isEqualTo(seals);
        assertThat(applicationStatus(approved)).isEqualTo("APPROVED");
        assertThat(make(approved).get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void badLifecycleRequestsChangeNothing() throws Exception {
        String esId = validSeal();
        int applications = count("making_application");
        int events = count("making_seal_event");

        lifecycle(esId, "loss", Map.of("reason", ""), OPERATOR).andExpect(error(400, "VALIDATION_FAILED"));
        lifecycle(esId, "cancel", Map.of(), OPERATOR).andExpect(error(400, "VALIDATION_FAILED"));
        lifecycle(esId, "change", Map.of("reason", "renamed", "agentIdNumber", "110105194912310021"), OPERATOR)
                .andExpect(error(400, "VALIDATION_FAILED"))
                .andExpect(jsonPath("$.details.fields.agentIdNumber").exists());
        lifecycle(esId, "change", Map.of("reason", "renamed", "pictureBase64", "%%%"), OPERATOR)
                .andExpect(error(400, "VALIDATION_FAILED"));
        lifecycle(esId, "renew", Map.of("reason", "r", "validityDays", 0), OPERATOR)
                .andExpect(error(400, "VALIDATION_FAILED"));
        lifecycle(esId, "renew", Map.of("reason", "r", "validityDays", 999_999), OPERATOR)
                .andExpect(error(400, "VALIDATION_FAILED"));
        lifecycle("1101052694010000019", "cancel", Map.of("reason", "r"), OPERATOR)
                .andExpect(error(404, "SEAL_NOT_FOUND"));

        assertThat(sealState(esId)).isEqualTo("VALID");
        assertThat(statusAt(esId, clock.instant())).isEqualTo(SealStatus.VALID);
        assertThat(count("making_application")).isEqualTo(applications);
        assertThat(count("making_seal_event")).isEqualTo(events);
        byte[] certificate = jdbc.queryForObject("SELECT certificate FROM making_seal WHERE es_id = ?", byte[].class,
                esId);
        assertThat(revocationOf(certificate)).isNull();

        lifecycle(esId, "loss", Map.of("reason", "lost"), OPERATOR).andExpect(status().isOk());
        lifecycle(esId, "loss", Map.of("reason", "lost again"), OPERATOR)
                .andExpect(error(409, "ILLEGAL_SEAL_TRANSITION"));
        lifecycle(esId, "replace", Map.of("reason", "broken"), OPERATOR)
                .andExpect(error(409, "ILLEGAL_SEAL_TRANSITION"));
        assertThat(sealState(esId)).isEqualTo("SUSPENDED");
    }

    // ---------------------------------------------------------------- change, replace, renew

    @Test
    void changeRevokesTheSealAndItsSuccessorIsLinked() throws Exception {
        String esId = validSeal();
        byte[] oldCertificate = certificateOf(esId);
        MvcResult changed = lifecycle(esId, "change", Map.of("reason", "unit renamed by decree 12",
                "unitName", "北京市东城区人力资源和社会保障局"), OPERATOR)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED")).andReturn();
        assertThat(revocationOf(oldCertificate)).isEqualTo(RevocationReason.AFFILIATION_CHANGED);
        assertThat(statusAt(esId, clock.instant())).isEqualTo(SealStatus.REVOKED);

        String successorApplication = json.readTree(changed.getResponse().getContentAsString())
                .get("successorApplicationId").asText();
        JsonNode application = getJson("/api/v1/seal-applications/" + successorApplication, REVIEWER);
        assertThat(application.get("kind").asText()).isEqualTo("CHANGE");
        assertThat(application.get("unitName").asText()).isEqualTo("北京市东城区人力资源和社会保障局");
        assertThat(application.get("agentIdNumber").asText()).isEqualTo("110105********002X");
        review(successorApplication, "approve", REVIEWER).andExpect(status().isOk());
        String newEsId = make(successorApplication).get("esId").asText();

        JsonNode oldSeal = getJson("/api/v1/seals/" + esId, OPERATOR);
        JsonNode newSeal = getJson("/api/v1/seals/" + newEsId, OPERATOR);
        assertThat(newEsId).isNotEqualTo(esId);
        assertThat(newSeal.get("predecessorSealId").asText()).isEqualTo(oldSeal.get("sealId").asText());
        assertThat(oldSeal.get("successorSealId").asText()).isEqualTo(newSeal.get("sealId").asText());
        assertThat(newSeal.get("unitName").asText()).isEqualTo("北京市东城区人力资源和社会保障局");
    }

    @Test
    void replaceRevokesAsSupersededAndOpensASuccessor() throws Exception {
        String esId = validSeal();
        lifecycle(esId, "replace", Map.of("reason", "USBKey broken"), OPERATOR)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.successorApplicationId").isNotEmpty());
        assertThat(revocationOf(certificateOf(esId))).isEqualTo(RevocationReason.SUPERSEDED);
    }

    @Test
    void cancellingAValidSealRevokesItAndItsCertificate() throws Exception {
        String esId = validSeal();
        lifecycle(esId, "cancel", Map.of("reason", "unit merged"), OPERATOR)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.successorApplicationId").doesNotExist());
        assertThat(revocationOf(certificateOf(esId))).isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
        assertThat(statusAt(esId, clock.instant())).isEqualTo(SealStatus.REVOKED);
    }

    @Test
    void aCancellationCanVoidTheSealFromAnEarlierTimeButNeverFromTheFutureOrBeforeItsIssue() throws Exception {
        String esId = validSeal();
        Instant issued = Instant.parse(getJson("/api/v1/seals/" + esId, OPERATOR).get("validFrom").asText());
        int events = count("making_seal_event");
        lifecycle(esId, "cancel", Map.of("reason", "forged papers", "effectiveFrom",
                clock.instant().plusSeconds(3600).toString()), OPERATOR).andExpect(error(400, "STATUS_TIME_IN_FUTURE"));
        lifecycle(esId, "cancel", Map.of("reason", "forged papers", "effectiveFrom",
                issued.minusSeconds(3600).toString()), OPERATOR).andExpect(error(409, "STATUS_CHANGE_OUT_OF_ORDER"));
        lifecycle(esId, "cancel", Map.of("reason", "forged papers", "effectiveFrom", "yesterday"), OPERATOR)
                .andExpect(status().is4xxClientError());
        // refused: nothing changed, not even the certificate
        assertThat(sealState(esId)).isEqualTo("VALID");
        assertThat(count("making_seal_event")).isEqualTo(events);
        assertThat(revocationOf(certificateOf(esId))).isNull();

        Instant voidFrom = issued.plusMillis(1);
        clock.advance(Duration.ofMinutes(5));
        lifecycle(esId, "cancel", Map.of("reason", "obtained with forged papers", "effectiveFrom",
                voidFrom.toString()), OPERATOR).andExpect(status().isOk()).andExpect(jsonPath("$.status")
                .value("REVOKED"));
        // a signature time-stamped a minute after the issue now meets a revoked seal
        assertThat(statusAt(esId, issued.plusSeconds(60))).isEqualTo(SealStatus.REVOKED);
        assertThat(statusAt(esId, issued)).isEqualTo(SealStatus.VALID);
        assertThat(revocationOf(certificateOf(esId))).isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
    }

    @Test
    void renewalGivesANewValidityCertificateAndSesSeal() throws Exception {
        String esId = validSeal();
        byte[] oldCertificate = certificateOf(esId);
        clock.advance(Duration.ofDays(100));
        lifecycle(esId, "renew", Map.of("reason", "yearly renewal", "validityDays", 730), OPERATOR)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VALID"));
        byte[] newCertificate = certificateOf(esId);
        assertThat(newCertificate).isNotEqualTo(oldCertificate);
        assertThat(publicKeyOf(newCertificate)).isEqualTo(publicKeyOf(oldCertificate));
        SealView ses = sesSeal(esId);
        assertThat(ses.signerCertificates()).singleElement().isEqualTo(newCertificate);
        assertThat(Duration.between(clock.instant(), ses.validEnd()).toDays()).isEqualTo(729);
        assertThat(Sm2.verify(makerKey(), ses.signedBytes(), ses.signatureValue())).isTrue();
        // recorded by the real seal-status
        var recorded = jdbc.queryForMap("SELECT certificate_serial FROM seal_status WHERE es_id = ?", esId);
        assertThat(jdbc.queryForObject("SELECT valid_end FROM seal_status WHERE es_id = ?",
                java.time.OffsetDateTime.class, esId).toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(ses.validEnd());
        assertThat(statusAt(esId, clock.instant())).isEqualTo(SealStatus.VALID);
        assertThat(recorded.get("certificate_serial"))
                .isEqualTo(Certificate.getInstance(newCertificate).getSerialNumber().getValue().toString(16));
    }

    @Test
    void aSealIsNeverValidLongerThanItsCertificate() throws Exception {
        Map<String, Object> body = application();
        body.put("validityDays", 1800);
        String esId = validSeal(body);
        Instant certificateEnd = Certificate.getInstance(certificateOf(esId)).getEndDate().getDate().toInstant();
        assertThat(sesSeal(esId).validEnd()).isEqualTo(certificateEnd);
        assertThat(Instant.parse(getJson("/api/v1/seals/" + esId, OPERATOR).get("validTo").asText()))
                .isBetween(certificateEnd, certificateEnd.plusSeconds(1));
    }

    // ---------------------------------------------------------------- expiry

    @Test
    void expiryJobRemindsThenExpires() throws Exception {
        Map<String, Object> shortLived = application();
        shortLived.put("validityDays", 5);
        String id = apply(shortLived);
        review(id, "approve", REVIEWER).andExpect(status().isOk());
        String esId = make(id).get("esId").asText();
        Instant madeAt = clock.instant();

        expiryJob.run();
        assertThat(history(esId)).contains("remind");
        assertThat(sealState(esId)).isEqualTo("VALID");

        clock.advance(Duration.ofDays(6));
        expiryJob.run();
        assertThat(sealState(esId)).isEqualTo("EXPIRED");
        assertThat(statusAt(esId, clock.instant())).isEqualTo(SealStatus.EXPIRED);
        assertThat(statusAt(esId, madeAt.plus(Duration.ofDays(1)))).isEqualTo(SealStatus.VALID);
        assertThat(history(esId)).containsSubsequence("make", "remind", "expire");

        // EXPIRED is terminal, as in the status system: the holder applies anew
        lifecycle(esId, "renew", Map.of("reason", "late renewal", "validityDays", 365), OPERATOR)
                .andExpect(error(409, "ILLEGAL_SEAL_TRANSITION"));
        assertThat(expiryJob.run().expired()).isZero();
    }

    // ---------------------------------------------------------------- USBKey delivery and self-service renewal

    @Test
    void usbKeyDeliveryEnvelopeImportsAndSelfServiceRenewalNeedsTheSealKey() throws Exception {
        SecureRandom random = new SecureRandom();
        BigInteger holderPrivate = new BigInteger(255, random).add(BigInteger.ONE);
        Sm2PublicKey holderPublic = Sm2PublicKey.fromPoint(Sm2.publicPoint(holderPrivate));
        Map<String, Object> body = application();
        body.put("delivery", "USBKEY");
        body.put("holderPublicKey", Base64.getEncoder().encodeToString(holderPublic.uncompressed()));
        String id = apply(body);
        review(id, "approve", REVIEWER).andExpect(status().isOk());
        String esId = make(id).get("esId").asText();
        assertThat(jdbc.queryForObject("SELECT key_label FROM making_seal WHERE es_id = ?", String.class, esId))
                .isNull();

        byte[] envelope = mvc.perform(get("/api/v1/seals/" + esId + "/key-envelope").with(OPERATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        BigInteger sealPrivate = EnvelopedKeyBlob.getInstance(envelope).unwrap(holderPrivate);
        Sm2PublicKey certified = publicKeyOf(certificateOf(esId));
        assertThat(Sm2PublicKey.fromPoint(Sm2.publicPoint(sealPrivate))).isEqualTo(certified);

        Instant requestedAt = clock.instant();
        Map<String, Object> renewal = selfServiceRenewal(esId, 400, requestedAt, sealPrivate, certified);
        lifecycle(esId, "renew", renewal, HOLDER).andExpect(status().isOk());
        assertThat(history(esId)).endsWith("renew");
        lifecycle(esId, "renew", renewal, HOLDER).andExpect(error(409, "RENEWAL_REQUEST_REPLAYED"));

        Map<String, Object> forged = selfServiceRenewal(esId, 400, requestedAt.plusSeconds(1), holderPrivate,
                holderPublic);
        lifecycle(esId, "renew", forged, HOLDER).andExpect(error(403, "RENEWAL_SIGNATURE_INVALID"));
        Map<String, Object> stale = selfServiceRenewal(esId, 400, requestedAt.minus(Duration.ofHours(1)),
                sealPrivate, certified);
        lifecycle(esId, "renew", stale, HOLDER).andExpect(error(400, "RENEWAL_REQUEST_STALE"));
        Map<String, Object> tampered = selfServiceRenewal(esId, 400, requestedAt.plusSeconds(2), sealPrivate,
                certified);
        tampered.put("validityDays", 1800);
        lifecycle(esId, "renew", tampered, HOLDER).andExpect(error(403, "RENEWAL_SIGNATURE_INVALID"));
        assertThat(history(esId)).filteredOn("renew"::equals).hasSize(1);
    }

    @Test
    void usbKeySealIsExportedAsASealPackageServerSealsAreNot() throws Exception {
        BigInteger holderPrivate = new BigInteger(255, new SecureRandom()).add(BigInteger.ONE);
        Map<String, Object> body = application();
        body.put("delivery", "USBKEY");
        body.put("holderPublicKey", Base64.getEncoder().encodeToString(
                Sm2PublicKey.fromPoint(Sm2.publicPoint(holderPrivate)).uncompressed()));
        String esId = validSeal(body);

        MvcResult r = mvc.perform(get("/api/v1/seals/" + esId + "/package").with(OPERATOR))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip")).andReturn();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("manifest.json", "seal.der", "certificate.der", "chain.pem",
                "key-envelope.bin");
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asText()).isEqualTo("hrss-seal-package/1");
        assertThat(manifest.get("esId").asText()).isEqualTo(esId);
        assertThat(manifest.get("sealName").asText()).isEqualTo("业务专用章");
        assertThat(Instant.parse(manifest.get("validTo").asText())).isAfter(clock.instant());
        assertThat(new SesParser().parseSeal(entries.get("seal.der")).esId()).isEqualTo(esId);
        assertThat(entries.get("certificate.der")).isEqualTo(certificateOf(esId));
        String chain = new String(entries.get("chain.pem"), StandardCharsets.US_ASCII);
        assertThat(chain).startsWith("-----BEGIN CERTIFICATE-----\n")
                .contains(Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(ca.rootCertificate().getEncoded()));
        BigInteger sealPrivate = EnvelopedKeyBlob.getInstance(entries.get("key-envelope.bin")).unwrap(holderPrivate);
        assertThat(Sm2PublicKey.fromPoint(Sm2.publicPoint(sealPrivate)))
                .isEqualTo(publicKeyOf(entries.get("certificate.der")));
        assertThat(audit.entriesFor(jdbc.queryForObject("SELECT id FROM making_seal WHERE es_id = ?", String.class,
                esId))).extracting(SealMakingHttpTestBase::auditLine)
                .contains("seal.package-export operator-li SUCCESS");

        mvc.perform(get("/api/v1/seals/" + esId + "/package").with(REVIEWER)).andExpect(error(403, "FORBIDDEN"));
        mvc.perform(get("/api/v1/seals/" + validSeal() + "/package").with(OPERATOR))
                .andExpect(error(409, "KEY_ENVELOPE_NOT_AVAILABLE"));
        mvc.perform(get("/api/v1/seals/no-such-seal/package").with(OPERATOR))
                .andExpect(error(404, "SEAL_NOT_FOUND"));
    }

    // ---------------------------------------------------------------- cross-industry seals and esID uniqueness

    @Test
    void crossIndustrySealWaitsForItsNationalCode() throws Exception {
        Map<String, Object> body = application();
        body.put("scope", "CROSS_INDUSTRY");
        String id = apply(body);
        review(id, "approve", REVIEWER).andExpect(status().isOk());
        JsonNode made = make(id);
        assertThat(made.get("esId").isNull()).isTrue();
        assertThat(made.get("status").asText()).isEqualTo("AWAITING_NATIONAL_CODE");
        String sealId = made.get("sealId").asText();
        mvc.perform(get("/api/v1/seals/" + sealId + "/ses-seal").with(OPERATOR))
                .andExpect(error(404, "SES_SEAL_NOT_MADE"));
        assertThat(getJson("/api/v1/seals/" + sealId, OPERATOR).get("status").asText())
                .isEqualTo("AWAITING_NATIONAL_CODE");

        String nationalCode = "N" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        nationalCodes.assign(sealId, nationalCode, "federation");
        assertThat(statusAt(nationalCode, clock.instant())).isEqualTo(SealStatus.VALID);
        assertThat(sesSeal(nationalCode).esId()).isEqualTo(nationalCode);
        assertThat(getJson("/api/v1/seals/" + nationalCode, OPERATOR).get("sealId").asText()).isEqualTo(sealId);
    }

    @Test
    void industryCodesOfOneRegionAndYearAreConsecutiveAndUnique() throws Exception {
        Map<String, Object> body = application();
        body.put("unitRegionCode", "650102");
        body.put("unitCreditCode", creditCode("650102"));
        long first = IndustryEsId.parse(validSeal(body)).serial();
        long second = IndustryEsId.parse(validSeal(body)).serial();
        assertThat(second).isGreaterThan(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT es_id) = COUNT(es_id) FROM making_seal",
                Boolean.class)).isTrue();
    }

    @Test
    void concurrentMakersNeverDrawTheSameSerial() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> drawn = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                drawn.add(pool.submit(() -> transaction.execute(tx -> esIds.next("310104").value())));
            }
            List<Long> serials = new ArrayList<>();
            for (Future<String> f : drawn) {
                serials.add(IndustryEsId.parse(f.get(60, TimeUnit.SECONDS)).serial());
            }
            Collections.sort(serials);
            long first = serials.get(0);
            assertThat(serials).containsExactlyElementsOf(LongStream.range(first, first + 30).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUploadedPictureIsTheSealPicture() throws Exception {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(100, 100, 0xFFE60000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Map<String, Object> body = application();
        body.put("pictureBase64", Base64.getEncoder().encodeToString(png.toByteArray()));
        String esId = validSeal(body);
        byte[] served = mvc.perform(get("/api/v1/seals/" + esId + "/picture").with(OPERATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(png.toByteArray());
    }

    // ---------------------------------------------------------------- helpers

    Map<String, Object> application() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("unitCreditCode", creditCode("110105"));
        a.put("unitRegionCode", "110105");
        a.put("unitType", "ADMINISTRATIVE_ORGAN");
        a.put("unitName", "北京市朝阳区人力资源和社会保障局");
        a.put("unitAddress", "北京市朝阳区工体东路");
        a.put("agentName", "张三");
        a.put("agentIdNumber", AGENT_ID);
        a.put("agentPhone", AGENT_PHONE);
        a.put("approverUnitName", "北京市人力资源和社会保障局");
        a.put("approverRegionCode", "110000");
        a.put("sealName", "业务专用章");
        a.put("sealType", "99");
        a.put("scope", "INDUSTRY");
        a.put("validityDays", 365);
        return a;
    }

    SealStatus statusAt(String esId, Instant at) {
        return sealStatus.statusAt(esId, at).status();
    }

    /** The CA's revocation reason of a certificate; null while it is good. */
    RevocationReason revocationOf(byte[] certificate) {
        return ca.status(Certificate.getInstance(certificate).getSerialNumber().getValue()).reason();
    }

    String validSeal() throws Exception {
        return validSeal(application());
    }

    String validSeal(Map<String, Object> body) throws Exception {
        String id = apply(body);
        review(id, "approve", REVIEWER).andExpect(status().isOk());
        return make(id).get("esId").asText();
    }

    String apply(Map<String, Object> body) throws Exception {
        MvcResult r = postApplication(body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andReturn();
        return json.readTree(r.getResponse().getContentAsString()).get("id").asText();
    }

    org.springframework.test.web.servlet.ResultActions postApplication(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/seal-applications").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    org.springframework.test.web.servlet.ResultActions review(String id, String decision, RequestPostProcessor who)
            throws Exception {
        return review(id, decision, who, Map.of("opinion", "材料齐全，同意"));
    }

    org.springframework.test.web.servlet.ResultActions review(String id, String decision, RequestPostProcessor who,
                                                              Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/seal-applications/" + id + "/" + decision).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    JsonNode make(String applicationId) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/seal-applications/" + applicationId + "/make").with(OPERATOR))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(r.getResponse().getContentAsString());
    }

    org.springframework.test.web.servlet.ResultActions lifecycle(String esId, String action,
                                                                 Map<String, Object> body, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(post("/api/v1/seals/" + esId + "/" + action).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    JsonNode getJson(String path, RequestPostProcessor who) throws Exception {
        MvcResult r = mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn();
        return json.readTree(r.getResponse().getContentAsString());
    }

    /** The served SES_Seal, parsed strictly by seal-core and checked to verify as GB/T 38540 prescribes. */
    SealView sesSeal(String esId) throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/seals/" + esId + "/ses-seal").with(OPERATOR))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_OCTET_STREAM))
                .andReturn();
        SealView seal = new SesParser().parseSeal(r.getResponse().getContentAsByteArray());
        assertThat(SesVerifier.sealSignature(seal).passed()).isTrue();
        return seal;
    }

    byte[] certificateOf(String esId) throws Exception {
        return mvc.perform(get("/api/v1/seals/" + esId + "/certificate").with(OPERATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    List<String> history(String esId) throws Exception {
        List<String> actions = new ArrayList<>();
        getJson("/api/v1/seals/" + esId, OPERATOR).get("history").forEach(h -> actions.add(h.get("action").asText()));
        return actions;
    }

    Map<String, Object> selfServiceRenewal(String esId, int days, Instant at, BigInteger signingKey,
                                           Sm2PublicKey signingPublic) {
        byte[] tbs = new SelfServiceRenewal(esId, days, at).toBeSigned();
        BigInteger[] rs = Sm2.signDigest(signingKey, Sm2.dPlus1Inverse(signingKey), Sm2.digest(signingPublic, tbs),
                Sm2.KSource.from(new SecureRandom()));
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "self-service renewal");
        body.put("validityDays", days);
        body.put("requestedAt", at.toString());
        body.put("signature", Base64.getEncoder().encodeToString(Sm2.encodeSignature(rs[0], rs[1])));
        return body;
    }

    Sm2PublicKey makerKey() {
        return publicKeyOf(maker.certificate());
    }

    static Sm2PublicKey publicKeyOf(byte[] certificate) {
        return Sm2PublicKey.fromSubjectPublicKeyInfo(Certificate.getInstance(certificate).getSubjectPublicKeyInfo());
    }

    String yearDigits() {
        return String.format("%02d", clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear() % 100);
    }

    String applicationStatus(String id) {
        return jdbc.queryForObject("SELECT status FROM making_application WHERE id = ?", String.class, id);
    }

    String sealState(String esId) {
        return jdbc.queryForObject("SELECT status FROM making_seal WHERE es_id = ?", String.class, esId);
    }

    int count(String tableAndWhere) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndWhere, Integer.class);
    }

    static ResultMatcher error(int httpStatus, String code) {
        return ResultMatcher.matchAll(status().is(httpStatus), jsonPath("$.code").value(code));
    }

    /** "action actor outcome" of an audit entry, for compact assertions. */
    static String auditLine(AuditLog.Entry e) {
        return e.action() + " " + e.actor() + " " + e.outcome();
    }
}
