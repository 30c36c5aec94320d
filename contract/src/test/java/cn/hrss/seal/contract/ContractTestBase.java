package cn.hrss.seal.contract;

import static cn.hrss.seal.testsupport.TestIdentifiers.creditCode;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.seal.application.testing.IndependentPdfCheck;
import cn.hrss.seal.core.crypto.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Contracts end to end on a running node (random port, real bearer tokens, real seals made through seal making,
 * real reviewed signing) with GreenMail as the SMTP server: institutions A, B, C sign in turn from the links in
 * their mails, X is a stranger to every contract. Each test makes its own contracts; the institutions and seals
 * are made once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = ContractTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seal.accounts.bootstrap-admin=admin:Admin9Password", "seal.making.expiry.enabled=false",
                "seal.evidence.checkpoint-scheduler=false", "seal.service-mgmt.enabled=false",
                "seal.service-mgmt.base-url=http://127.0.0.1:1", "spring.flyway.out-of-order=true",
                "seal.contract.max-document-bytes=300000", "seal.contract.link-base-url=https://seal.example.test/"})
abstract class ContractTestBase {
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final Pattern LINK = Pattern.compile("https://seal\\.example\\.test/api/v1/contract-links/"
            + "([A-Za-z0-9_-]{43})");

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new HashMap<>();

    final long run = RUNS.incrementAndGet();
    String businessAdmin;
    /** A reviewer who acts for no institution. */
    String reviewer;
    /** Per institution letter: id, its seal operator and reviewer, seal, notify address. */
    final Map<String, Institution> institutions = new LinkedHashMap<>();

    record Institution(String id, String creditCode, String operator, String reviewer, String esId, String email) {
    }

    @BeforeAll
    void institutionsUsersAndSeals() throws Exception {
        String admin = token("admin", "Admin9Password");
        businessAdmin = user(admin, "ba" + run, "BUSINESS_ADMIN");
        reviewer = user(admin, "rv" + run, "SEAL_REVIEWER");
        for (String letter : List.of("a", "b", "c", "x")) {
            String operator = user(admin, "op" + letter + run, "SEAL_OPERATOR");
            String ownReviewer = user(admin, "rv" + letter + run, "SEAL_REVIEWER");
            String code = creditCode("350100");
            String esId = makeSeal(operator, ownReviewer, code);
            JsonNode registered = expect(201, post("/api/v1/contract-institutions", businessAdmin, Map.of(
                    "name", "机构" + letter.toUpperCase() + run, "creditCode", code, "contactEmail",
                    "admin@" + letter + ".example.test")));
            String id = registered.get("id").asText();
            // its seal operator files, its own reviewer approves (another institution's reviewer may not)
            for (String member : List.of(operator, ownReviewer)) {
                expect(204, post("/api/v1/contract-institutions/" + id + "/members", businessAdmin,
                        Map.of("username", member)));
            }
            institutions.put(letter, new Institution(id, code, operator, ownReviewer, esId,
                    letter + run + "@example.test"));
        }
        // a seal used in the second it was made would be checked against status just before its first status
        Thread.sleep(1_100);
    }

    // ---------------------------------------------------------------- the main flow

    @Test
    void threePartySequentialPdfIsSignedInTurnFromTheMailedLinksAndArchived() throws Exception {
        Institution a = institutions.get("a");
        Institution b = institutions.get("b");
        Institution c = institutions.get("c");
        Institution x = institutions.get("x");
        byte[] pdf = pdf();
        String title = "Supply contract " + run;
        JsonNode created = expect(201, createContract(a.operator(), title, pdf, "SEQUENTIAL",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(30), List.of(a, b, c)));
        String id = created.get("id").asText();
        assertThat(created.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(statuses(created)).containsExactly("INVITED", "WAITING", "WAITING");

        for (int turn = 0; turn < 3; turn++) {
            Institution party = List.of(a, b, c).get(turn);
            MimeMessage mail = awaitMail(party.email(), "Invitation", id);
            String text = mail.getContent().toString();
            assertThat(text).doesNotContain(title).doesNotContain(id);
            String token = link(text);
            // the token is stored as its SM3 only
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract_party WHERE link_sm3 = ?", Integer.class,
                    HexFormat.of().formatHex(Sm3.hash(token.getBytes())))).isEqualTo(1);
            // nobody but the invited institution's users opens the link; a stranger learns nothing
            assertCode(get("/api/v1/contract-links/" + token, x.operator()), 404, "CONTRACT_LINK_NOT_FOUND");
            if (turn > 0) {
                assertCode(get("/api/v1/contract-links/" + token, a.operator()), 404, "CONTRACT_LINK_NOT_FOUND");
            }
            JsonNode opened = expect(200, get("/api/v1/contract-links/" + token, party.operator()));
            assertThat(opened.get("partyPosition").asInt()).isEqualTo(turn);
            assertThat(opened.get("contract").get("id").asText()).isEqualTo(id);
            assertThat(opened.get("contract").get("title").asText()).isEqualTo(title);
            if (turn < 2) {
                // the next party waits for its turn
                Institution next = List.of(a, b, c).get(turn + 1);
                assertCode(post("/api/v1/contracts/" + id + "/sign-requests", next.operator(), Map.of()), 409,
                        "CONTRACT_NOT_YOUR_TURN");
            }
            String signRequestId = expect(201, post("/api/v1/contracts/" + id + "/sign-requests", party.operator(),
                    Map.of("purpose", "合同签署"))).get("signRequestId").asText();
            assertCode(post("/api/v1/contracts/" + id + "/sign-requests", party.operator(), Map.of()), 409,
                    "CONTRACT_SIGNING_PENDING");
            // another institution's reviewer may not approve this party's use of its seal
            Institution other = List.of(a, b, c).get((turn + 1) % 3);
            assertCode(post("/api/v1/sign-requests/" + signRequestId + "/approve", other.reviewer(),
                    Map.of("opinion", "同意")), 403, "CONTRACT_REVIEWER_NOT_OF_PARTY");
            expect(200, post("/api/v1/sign-requests/" + signRequestId + "/approve", party.reviewer(),
                    Map.of("opinion", "同意")));
            expect(200, post("/api/v1/sign-requests/" + signRequestId + "/sign", party.operator(), Map.of()));
            JsonNode after = expect(200, get("/api/v1/contracts/" + id, a.operator()));
            assertThat(after.get("currentVersion").asInt()).isEqualTo(turn + 1);
            assertThat(after.get("parties").get(turn).get("status").asText()).isEqualTo("SIGNED");
            assertThat(after.get("parties").get(turn).get("signRequestId").asText()).isEqualTo(signRequestId);
        }
        int invitations = 0;
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if (to(m, a.email(), b.email(), c.email()) && subject(m).contains("Invitation") && about(m, id)) {
                invitations++;
            }
        }
        assertThat(invitations).isEqualTo(3);
        // the end is mailed to the parties and to the initiator's registered contact address
        awaitMail(b.email(), "ended: ARCHIVED", id);
        awaitMail("admin@a.example.test", "ended: ARCHIVED", id);

        JsonNode archived = expect(200, get("/api/v1/contracts/" + id, b.operator()));
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(statuses(archived)).containsExactly("SIGNED", "SIGNED", "SIGNED");
        assertThat(archived.get("parties").get(1).get("reads").asInt()).isPositive();

        // every party downloads the final PDF: three signatures, each verifying, the first two untouched
        for (Institution party : List.of(a, b, c)) {
            HttpResponse<byte[]> download = getBytes("/api/v1/contracts/" + id + "/document", party.operator());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(IndependentPdfCheck.signaturesVerify(download.body())).isEqualTo(3);
            try (PDDocument document = Loader.loadPDF(download.body())) {
                assertThat(document.getSignatureDictionaries()).hasSize(3);
            }
        }
        byte[] finalPdf = getBytes("/api/v1/contracts/" + id + "/document", c.operator()).body();
        // and the node's own verification passes all three seals
        JsonNode verification = expect(200, verify(finalPdf));
        assertThat(verification.get("verdict").asText()).as(verification.toString()).isEqualTo("PASSED");
        assertThat(verification.get("signatures")).hasSize(3);

        JsonNode report = expect(200, get("/api/v1/contracts/" + id + "/evidence", c.operator()));
        assertThat(report.get("contractId").asText()).isEqualTo(id);
        assertThat(report.get("originalSm3").asText()).isEqualTo(hex(Sm3.hash(pdf)));
        assertThat(report.get("finalSm3").asText()).isEqualTo(hex(Sm3.hash(finalPdf)));
        for (JsonNode signing : report.get("signings")) {
            assertThat(signing.get("signedAt").isNull()).isFalse();
            assertThat(signing.get("signRequestId").asText()).isNotBlank();
            assertThat(signing.get("signedSm3").asText()).hasSize(64);
        }
        List<String> events = new ArrayList<>();
        for (JsonNode event : report.get("events")) {
            events.add(event.get("event").asText());
            String leaf = event.get("leaf").asText();
            assertThat(leaf).startsWith("HRSS-SEAL-EVIDENCE/1\nkind=CONTRACT_EVENT\n")
                    .doesNotContain(a.operator(), b.operator(), c.operator(), a.id(), b.id(), c.id(), title);
            // each leaf is in the node's evidence log
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_leaf WHERE leaf_hash = ? AND idx = ?",
                    Integer.class, event.get("leafHash").asText(), event.get("leafIndex").asLong())).isEqualTo(1);
        }
        assertThat(events).contains("CREATED", "NOTIFIED", "OPENED", "SIGNED", "ARCHIVED", "DOWNLOADED");
        assertThat(events.stream().filter("SIGNED"::equals)).hasSize(3);
        assertThat(events.stream().filter("NOTIFIED"::equals)).hasSize(3);

        // data isolation: a stranger gets 404 for everything, as for a contract that does not exist
        for (String path : List.of("", "/document", "/evidence")) {
            assertCode(get("/api/v1/contracts/" + id + path, x.operator()), 404, "CONTRACT_NOT_FOUND");
            assertCode(get("/api/v1/contracts/" + java.util.UUID.randomUUID() + path, x.operator()), 404,
                    "CONTRACT_NOT_FOUND");
        }
        assertCode(post("/api/v1/contracts/" + id + "/withdraw", x.operator(), Map.of("reason", "r")), 404,
                "CONTRACT_NOT_FOUND");
        assertThat(ids(expect(200, get("/api/v1/contracts?size=100", x.operator())))).doesNotContain(id);
        assertThat(ids(expect(200, get("/api/v1/contracts?status=ARCHIVED&party=" + b.id(), a.operator()))))
                .contains(id);
        assertThat(ids(expect(200, get("/api/v1/contracts?status=REJECTED", a.operator())))).doesNotContain(id);
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
        String to = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
        JsonNode page = expect(200, get("/api/v1/contracts?from=" + enc(from) + "&to=" + enc(to) + "&size=1",
                c.operator()));
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(ids(expect(200, get("/api/v1/contracts?to=" + enc(from), c.operator())))).doesNotContain(id);

        // in-site messages: invitation and the end, for the party's users
        List<String> kinds = new ArrayList<>();
        expect(200, get("/api/v1/contract-messages", b.operator())).forEach(m -> {
            if (m.get("contractId").asText().equals(id)) {
                kinds.add(m.get("kind").asText());
            }
        });
        assertThat(kinds).containsExactlyInAnyOrder("INVITATION", "ARCHIVED");
        // every view and download is audited, a stranger's attempt as denied
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target = ?", String.class,
                "contract:" + id)).contains("contract.create", "contract.view", "contract.download",
                "contract.evidence", "contract.open-link", "contract.archived");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE target = ? AND actor = ?"
                + " AND outcome = 'DENIED'", Integer.class, "contract:" + id, "user:" + x.operator())).isPositive();
        assertCode(post("/api/v1/contracts/" + id + "/withdraw", a.operator(), Map.of("reason", "late")), 409,
                "CONTRACT_NOT_IN_PROGRESS");
    }

    // ---------------------------------------------------------------- the other ways

    @Test
    void parallelOfdPartiesAreAllInvitedAndSignOneAtATime() throws Exception {
        Institution a = institutions.get("a");
        Institution b = institutions.get("b");
        Institution c = institutions.get("c");
        byte[] ofd = cn.hrss.seal.application.ofd.OfdSamples.document(List.of(List.of("合同", "甲方", "乙方")));
        String id = expect(201, createContract(a.operator(), "Parallel " + run, ofd, "PARALLEL",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), List.of(b, c))).get("id").asText();
        JsonNode view = expect(200, get("/api/v1/contracts/" + id, a.operator()));
        assertThat(statuses(view)).containsExactly("INVITED", "INVITED");
        String cRequest = expect(201, post("/api/v1/contracts/" + id + "/sign-requests", c.operator(), Map.of()))
                .get("signRequestId").asText();
        assertCode(post("/api/v1/contracts/" + id + "/sign-requests", b.operator(), Map.of()), 409,
                "CONTRACT_SIGNING_BUSY");
        // C's reviewer turns the request down: the contract is free again
        expect(200, post("/api/v1/sign-requests/" + cRequest + "/reject", c.reviewer(), Map.of("opinion", "再议")));
        String bRequest = expect(201, post("/api/v1/contracts/" + id + "/sign-requests", b.operator(), Map.of()))
                .get("signRequestId").asText();
        expect(200, post("/api/v1/sign-requests/" + bRequest + "/approve", b.reviewer(), Map.of("opinion", "同意")));
        expect(200, post("/api/v1/sign-requests/" + bRequest + "/sign", b.operator(), Map.of()));
        String cAgain = expect(201, post("/api/v1/contracts/" + id + "/sign-requests", c.operator(), Map.of()))
                .get("signRequestId").asText();
        expect(200, post("/api/v1/sign-requests/" + cAgain + "/approve", c.reviewer(), Map.of("opinion", "同意")));
        expect(200, post("/api/v1/sign-requests/" + cAgain + "/sign", c.operator(), Map.of()));
        assertThat(expect(200, get("/api/v1/contracts/" + id, a.operator())).get("status").asText())
                .isEqualTo("ARCHIVED");
        HttpResponse<byte[]> signed = getBytes("/api/v1/contracts/" + id + "/document", a.operator());
        assertThat(signed.headers().firstValue("Content-Type").orElse("")).startsWith("application/ofd");
        JsonNode verification = expect(200, verify(signed.body()));
        assertThat(verification.get("verdict").asText()).as(verification.toString()).isEqualTo("PASSED");
        assertThat(verification.get("signatures")).hasSize(2);
    }

    @Test
    void aPartyRejectsAndTheInitiatorWithdraws() throws Exception {
        Institution a = institutions.get("a");
        Institution b = institutions.get("b");
        Institution c = institutions.get("c");
        String rejected = expect(201, createContract(a.operator(), "To reject " + run, pdf(), "PARALLEL",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), List.of(b, c))).get("id").asText();
        assertCode(post("/api/v1/contracts/" + rejected + "/reject", b.operator(), Map.of("reason", "a\nb")), 400,
                "CONTRACT_INVALID");
        assertCode(post("/api/v1/contracts/" + rejected + "/reject", a.operator(), Map.of("reason", "mine")), 403,
                "CONTRACT_NOT_A_PARTY");
        JsonNode view = expect(200, post("/api/v1/contracts/" + rejected + "/reject", b.operator(),
                Map.of("reason", "价格条款有异议")));
        assertThat(view.get("status").asText()).isEqualTo("REJECTED");
        assertThat(view.get("closeReason").asText()).isEqualTo("价格条款有异议");
        assertThat(statuses(view)).containsExactly("REJECTED", "INVITED");
        assertCode(post("/api/v1/contracts/" + rejected + "/sign-requests", c.operator(), Map.of()), 409,
                "CONTRACT_NOT_IN_PROGRESS");
        awaitMail(c.email(), "ended: REJECTED", rejected);
        assertThat(expect(200, get("/api/v1/contract-messages", a.operator())).findValues("contractId").stream()
                .map(JsonNode::asText)).contains(rejected);

        String withdrawn = expect(201, createContract(a.operator(), "To withdraw " + run, pdf(), "SEQUENTIAL",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), List.of(b, c))).get("id").asText();
        assertCode(post("/api/v1/contracts/" + withdrawn + "/withdraw", b.operator(), Map.of("reason", "no")), 403,
                "CONTRACT_NOT_INITIATOR");
        // a party that has not been invited yet cannot reject either
        assertCode(post("/api/v1/contracts/" + withdrawn + "/reject", c.operator(), Map.of("reason", "no")), 409,
                "CONTRACT_NOT_YOUR_TURN");
        String signRequest = expect(201, post("/api/v1/contracts/" + withdrawn + "/sign-requests", b.operator(),
                Map.of())).get("signRequestId").asText();
        assertThat(expect(200, post("/api/v1/contracts/" + withdrawn + "/withdraw", a.operator(),
                Map.of("reason", "业务取消"))).get("status").asText()).isEqualTo("WITHDRAWN");
        // the seal still signs what its reviewer approved, but the withdrawn contract does not take it
        expect(200, post("/api/v1/sign-requests/" + signRequest + "/approve", b.reviewer(),
                Map.of("opinion", "同意")));
        expect(200, post("/api/v1/sign-requests/" + signRequest + "/sign", b.operator(), Map.of()));
        JsonNode after = expect(200, get("/api/v1/contracts/" + withdrawn, b.operator()));
        assertThat(after.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(after.get("currentVersion").asInt()).isZero();
    }

    @Test
    void theDeadlineExpiresTheContractAndItsLinks() throws Exception {
        Institution a = institutions.get("a");
        Institution b = institutions.get("b");
        String id = expect(201, createContract(a.operator(), "Short " + run, pdf(), "SEQUENTIAL",
                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3), List.of(b))).get("id").asText();
        String token = link(awaitMail(b.email(), "Invitation", id).getContent().toString());
        Thread.sleep(3_500);
        assertCode(get("/api/v1/contract-links/" + token, b.operator()), 410, "CONTRACT_LINK_EXPIRED");
        assertCode(post("/api/v1/contracts/" + id + "/sign-requests", b.operator(), Map.of()), 409,
                "CONTRACT_NOT_IN_PROGRESS");
        assertThat(expect(200, get("/api/v1/contracts/" + id, a.operator())).get("status").asText())
                .isEqualTo("EXPIRED");
        assertThat(jdbc.queryForList("SELECT event FROM contract_event WHERE contract_id = ?", String.class, id))
                .contains("EXPIRED");
    }

    @Test
    void aDeregisteredInstitutionIsDisabledButItsContractsStayWithTheOthers() throws Exception {
        Institution a = institutions.get("a");
        String admin = token("admin", "Admin9Password");
        String operator = user(admin, "ope" + run, "SEAL_OPERATOR");
        String eId = expect(201, post("/api/v1/contract-institutions", businessAdmin, Map.of("name", "E" + run,
                "creditCode", creditCode("350100"), "contactEmail", "e@example.test"))).get("id").asText();
        expect(204, post("/api/v1/contract-institutions/" + eId + "/members", businessAdmin,
                Map.of("username", operator)));
        Institution e = new Institution(eId, "", operator, null, "NO-SEAL-HERE", "e" + run + "@example.test");
        // initiators find parties by credit code; the full record (contact address) is the administrator's
        assertThat(expect(200, get("/api/v1/contract-institutions?creditCode=" + b(), a.operator())).get("id")
                .asText()).isEqualTo(institutions.get("b").id());
        assertThat(get("/api/v1/contract-institutions/" + eId, a.operator()).statusCode()).isEqualTo(403);
        assertThat(expect(200, get("/api/v1/contract-institutions/" + eId, businessAdmin)).get("contactEmail")
                .asText()).isEqualTo("e@example.test");
        String id = expect(201, createContract(a.operator(), "With E " + run, pdf(), "SEQUENTIAL",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), List.of(e))).get("id").asText();
        assertCode(post("/api/v1/contract-institutions/" + eId + "/deregister", businessAdmin, Map.of()), 409,
                "CONTRACT_INSTITUTION_BUSY");
        expect(200, post("/api/v1/contracts/" + id + "/withdraw", a.operator(), Map.of("reason", "改期")));
        assertThat(expect(200, post("/api/v1/contract-institutions/" + eId + "/deregister", businessAdmin,
                Map.of())).get("status").asText()).isEqualTo("DEREGISTERED");
        assertCode(get("/api/v1/contracts", operator), 403, "CONTRACT_INSTITUTION_DEREGISTERED");
        assertCode(createContract(a.operator(), "Again", pdf(), "SEQUENTIAL",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), List.of(e)), 409, "CONTRACT_INSTITUTION_DEREGISTERED");
        // the other party keeps the contract and its document
        assertThat(getBytes("/api/v1/contracts/" + id + "/document", a.operator()).statusCode()).isEqualTo(200);
        assertThat(expect(200, get("/api/v1/contracts/" + id, a.operator())).get("parties").get(0)
                .get("institutionId").asText()).isEqualTo(eId);
    }

    @Test
    void badInputIsAClearRefusalNeverA500() throws Exception {
        Institution a = institutions.get("a");
        Institution b = institutions.get("b");
        Institution x = institutions.get("x");
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM contract", Integer.class);
        assertCode(createContract(a.operator(), "t", "not a contract".getBytes(), "SEQUENTIAL", tomorrow,
                List.of(b)), 400, "CONTRACT_DOCUMENT_TYPE");
        byte[] big = new byte[300_001];
        System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
        assertCode(createContract(a.operator(), "t", big, "SEQUENTIAL", tomorrow, List.of(b)), 413,
                "CONTRACT_TOO_LARGE");
        assertCode(createContract(a.operator(), "t", pdf(), "SEQUENTIAL", tomorrow.minusDays(2), List.of(b)), 400,
                "CONTRACT_DEADLINE_INVALID");
        assertCode(createContract(a.operator(), "t", pdf(), "SEQUENTIAL", tomorrow.plusMonths(3), List.of(b)), 400,
                "CONTRACT_DEADLINE_INVALID");
        assertCode(createContract(a.operator(), "t", pdf(), "ANY", tomorrow, List.of(b)), 400, "CONTRACT_INVALID");
        assertCode(createContract(a.operator(), "t\nx", pdf(), "SEQUENTIAL", tomorrow, List.of(b)), 400,
                "CONTRACT_INVALID");
        assertCode(createContract(a.operator(), "t", pdf(), "SEQUENTIAL", tomorrow, List.of(b, b)), 400,
                "CONTRACT_INVALID");
        assertCode(createContract(a.operator(), "t", pdf(), "SEQUENTIAL", tomorrow, List.of()), 400,
                "CONTRACT_INVALID");
        assertCode(createContract(a.operator(), "t", pdf(), "SEQUENTIAL", tomorrow, List.of(new Institution(
                "no-such", "", "", null, b.esId(), b.email()))), 404, "CONTRACT_INSTITUTION_NOT_FOUND");
        assertCode(createContract(a.operator(), "t", pdf(), "SEQUENTIAL", tomorrow, List.of(new Institution(
                b.id(), "", "", null, x.esId(), b.email()))), 400, "CONTRACT_SEAL_NOT_OF_PARTY");
        assertCode(createContract(a.operator(), "t", pdf(), "SEQUENTIAL", tomorrow, List.of(new Institution(
                b.id(), "", "", null, b.esId(), "not-mail"))), 400, "CONTRACT_INVALID");
        assertCode(createContract(reviewer, "t", pdf(), "SEQUENTIAL", tomorrow, List.of(b)), 403,
                "CONTRACT_NOT_A_MEMBER");
        assertCode(post("/api/v1/contracts", a.operator(), Map.of("title", "t", "contentBase64", "***")), 400,
                "CONTRACT_INVALID");
        assertThat(raw("POST", "/api/v1/contracts", bearer(a.operator()), "{\"title\":").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract", Integer.class)).isEqualTo(before);

        assertCode(get("/api/v1/contracts?status=DONE", a.operator()), 400, "CONTRACT_INVALID");
        assertCode(get("/api/v1/contracts?from=yesterday", a.operator()), 400, "CONTRACT_INVALID");
        assertCode(get("/api/v1/contracts?size=1000", a.operator()), 400, "CONTRACT_INVALID");
        assertThat(get("/api/v1/contracts?page=x", a.operator()).statusCode()).isEqualTo(400);
        assertCode(get("/api/v1/contract-links/short", a.operator()), 404, "CONTRACT_LINK_NOT_FOUND");
        assertCode(get("/api/v1/contract-links/" + "A".repeat(43), a.operator()), 404, "CONTRACT_LINK_NOT_FOUND");
        assertThat(raw("GET", "/api/v1/contracts", null, null).statusCode()).isEqualTo(401);

        assertCode(post("/api/v1/contract-institutions", businessAdmin, Map.of("name", "n", "creditCode",
                "12345", "contactEmail", "a@b.c")), 400, "CONTRACT_INSTITUTION_INVALID");
        assertCode(post("/api/v1/contract-institutions", businessAdmin, Map.of("name", "n", "creditCode",
                a.creditCode(), "contactEmail", "a@b.c")), 409, "CONTRACT_INSTITUTION_DUPLICATE");
        assertCode(post("/api/v1/contract-institutions", a.operator(), Map.of("name", "n", "creditCode",
                creditCode("350100"), "contactEmail", "a@b.c")), 403, "FORBIDDEN");
        assertCode(post("/api/v1/contract-institutions/" + b.id() + "/members", businessAdmin,
                Map.of("username", a.operator())), 409, "CONTRACT_MEMBER_TAKEN");
    }

    // ---------------------------------------------------------------- helpers

    HttpResponse<String> createContract(String user, String title, byte[] content, String order,
                                        OffsetDateTime deadline, List<Institution> parties) throws Exception {
        List<Map<String, String>> partyBodies = new ArrayList<>();
        for (Institution p : parties) {
            partyBodies.add(Map.of("institutionId", p.id(), "esId", p.esId(), "notifyEmail", p.email()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("contentBase64", Base64.getEncoder().encodeToString(content));
        body.put("signingOrder", order);
        body.put("deadline", deadline.toString());
        body.put("parties", partyBodies);
        return post("/api/v1/contracts", user, body);
    }

    /** The mail to this address about this contract: its link leads to it, or its text names it. */
    MimeMessage awaitMail(String to, String subjectPart, String contractId) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : MAIL.getReceivedMessages()) {
                if (to(m, to) && subject(m).contains(subjectPart) && about(m, contractId)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail '" + subjectPart + "' to " + to + " about " + contractId);
    }

    private boolean about(MimeMessage m, String contractId) throws Exception {
        String text = m.getContent().toString();
        return text.contains(contractId) || token(text).map(this::linkFor).filter(contractId::equals).isPresent();
    }

    private java.util.Optional<String> token(String text) {
        Matcher m = LINK.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** The contract a link token belongs to, read from the database by the token's SM3. */
    private String linkFor(String token) {
        return jdbc.queryForList("SELECT contract_id FROM contract_party WHERE link_sm3 = ?", String.class,
                hex(Sm3.hash(token.getBytes()))).stream().findFirst().orElse("");
    }

    String link(String text) {
        return token(text).orElseThrow(() -> new AssertionError("no link in " + text));
    }

    static boolean to(MimeMessage m, String... addresses) {
        try {
            for (var r : m.getRecipients(Message.RecipientType.TO)) {
                if (List.of(addresses).contains(r.toString())) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> statuses(JsonNode contract) {
        List<String> statuses = new ArrayList<>();
        contract.get("parties").forEach(p -> statuses.add(p.get("status").asText()));
        return statuses;
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    void assertCode(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json.readTree(r.body()).get("code").asText()).as(r.body()).isEqualTo(code);
    }

    JsonNode expect(int status, HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? json.nullNode() : json.readTree(r.body());
    }

    String makeSeal(String operator, String reviewer, String creditCode) throws Exception {
        HttpResponse<String> applied = post("/api/v1/seal-applications", operator, Map.ofEntries(
                Map.entry("unitCreditCode", creditCode), Map.entry("unitRegionCode", "350100"),
                Map.entry("unitType", "PUBLIC_INSTITUTION"), Map.entry("unitName", "福州市某单位"),
                Map.entry("unitAddress", "福州市鼓楼区"), Map.entry("agentName", "张三"),
                Map.entry("agentIdNumber", "11010519491231002X"), Map.entry("agentPhone", "13800138000"),
                Map.entry("approverUnitName", "福州市人力资源和社会保障局"), Map.entry("approverRegionCode", "350100"),
                Map.entry("sealName", "合同专用章"), Map.entry("sealType", "99"), Map.entry("scope", "INDUSTRY"),
                Map.entry("validityDays", 365)));
        String id = expect(201, applied).get("id").asText();
        expect(200, post("/api/v1/seal-applications/" + id + "/approve", reviewer, Map.of("opinion", "同意")));
        return expect(200, post("/api/v1/seal-applications/" + id + "/make", operator, Map.of())).get("esId")
                .asText();
    }

    String user(String adminToken, String username, String role) throws Exception {
        HttpResponse<String> r = raw("POST", "/api/v1/users", adminToken, json.writeValueAsString(Map.of(
                "username", username, "password", username + "Pass9word", "displayName", username,
                "roles", List.of(role))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return username;
    }

    String token(String username, String password) throws Exception {
        HttpResponse<String> r = raw("POST", "/api/v1/auth/login", null, json.writeValueAsString(Map.of(
                "username", username, "password", password)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("token").asText();
    }

    private String bearer(String user) throws Exception {
        String cached = tokens.get(user);
        if (cached == null) {
            cached = token(user, user + "Pass9word");
            tokens.put(user, cached);
        }
        return cached;
    }

    HttpResponse<String> post(String path, String user, Object body) throws Exception {
        return raw("POST", path, bearer(user), json.writeValueAsString(body));
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return raw("GET", path, bearer(user), null);
    }

    HttpResponse<byte[]> getBytes(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer "
                + bearer(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> raw(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> verify(byte[] document) throws Exception {
        String boundary = "b" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.write(document);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private String b() {
        return institutions.get("b").creditCode();
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Contract between A, B and C");
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
