package cn.hrss.seal.servicemgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.message.InMemoryReplayGuard;
import cn.hrss.seal.core.message.MessageContext;
import cn.hrss.seal.core.message.MessageVerification;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.SignedMessage;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.servicemgmt.api.AccessTestResult;
import cn.hrss.seal.servicemgmt.api.ApplicantSigner;
import cn.hrss.seal.servicemgmt.api.RegistrationApplication;
import cn.hrss.seal.servicemgmt.api.ServiceMgmtPaths;
import cn.hrss.seal.servicemgmt.api.SystemKind;
import cn.hrss.seal.servicemgmt.api.TrustListClient;
import cn.hrss.seal.servicemgmt.api.TrustListEntry;
import cn.hrss.seal.servicemgmt.trustlist.JdbcParentTrustListStore;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A province node (upper, a Spring context on a random port) and a city system (lower: its own device, the
 * applicant signer and a trust-list client pinned to the province's seal root) going through registration,
 * review, certificate pull, trust-list versions and deregistration. Subclasses run it on PostgreSQL and H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceMgmtTestBase {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<TestDatabase> databases = new ArrayList<>();
    private ConfigurableApplicationContext upper;
    private ConfigurableApplicationContext lower;
    private CipherDevice lowerDevice;

    /** A new empty database of the kind under test. */
    abstract TestDatabase database();

    @BeforeAll
    void start() throws Exception {
        upper = node(Map.of("seal.tier", "PROVINCE", "seal.region-code", "350000"));
        Path pinned = Files.createTempFile("province-root", ".der");
        pinned.toFile().deleteOnExit();
        Files.write(pinned, upper.getBean(CertificateAuthority.class).rootCertificate().getEncoded());
        lower = node(Map.of("seal.tier", "CITY", "seal.region-code", "350500",
                "seal.service-mgmt.parent.base-url", base().toString(),
                "seal.service-mgmt.parent.pinned-certificate", pinned.toString(),
                "seal.service-mgmt.parent.pull-interval", "PT1H"));
        lowerDevice = lower.getBean(CipherDevice.class);
    }

    private ConfigurableApplicationContext node(Map<String, String> extra) {
        TestDatabase db = database();
        databases.add(db);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("spring.flyway.out-of-order", "true");
        properties.put("seal.service-mgmt.base-url", "http://127.0.0.1:1");
        properties.put("seal.federation.outbox.dispatcher-enabled", "false");
        properties.putAll(extra);
        return new SpringApplicationBuilder(UpperNodeApp.class).properties(properties).run();
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {lower, upper}) {
            if (context != null) {
                context.close();
            }
        }
        databases.forEach(TestDatabase::close);
    }

    @Test
    void cityRegistersIsCertifiedPulledAndDeregistered() throws Exception {
        CertificateAuthority ca = upper.getBean(CertificateAuthority.class);
        TrustListClient parentList = lower.getBean(TrustListClient.class);
        long first = parentList.pull();
        assertThat(first).isEqualTo(upper.getBean(JdbcTemplate.class)
                .queryForObject("SELECT MAX(version) FROM service_trust_list", Long.class));
        MessageSigner upperSigner = upper.getBean(MessageSigner.class);
        assertThat(parentList.find(upperSigner.signerId())).hasValueSatisfying(s -> assertThat(s.revoked()).isFalse());
        // the lower node's federation filter now accepts the upper's signature (404: verified, no handler)
        assertThat(federationCall(upperSigner, lowerBase()).statusCode()).isEqualTo(404);

        KeyRef key = lowerDevice.generateKeyPair("city-system-" + UUID.randomUUID());
        ApplicantSigner applicant = new ApplicantSigner(lowerDevice, key, clock());
        HttpResponse<byte[]> applied = send(applicant, "POST", ServiceMgmtPaths.APPLY,
                MessageKind.REGISTRATION_APPLY, application(applicant, "350500").toJson());
        assertThat(applied.statusCode()).as(body(applied)).isEqualTo(202);
        MessageVerifier answers = new MessageVerifier(parentList, new InMemoryReplayGuard(100, clock()),
                Set.of(MessageKind.RECEIPT), Duration.ofMinutes(5), clock());
        assertThat(answers.verify(new MessageContext.Response(202, new MessageContext.Request("POST",
                        ServiceMgmtPaths.APPLY), applied.request().headers().firstValue("Seal-Nonce").orElseThrow()),
                name -> applied.headers().allValues(name), applied.body()))
                .isInstanceOf(MessageVerification.Accepted.class);
        String id = json.readTree(applied.body()).get("registrationId").asText();
        assertThat(registrationsOf(applicant)).isEqualTo(1);
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(applicant, "350500").toJson()), 409, "REGISTRATION_KEY_IN_USE");
        assertThat(registrationsOf(applicant)).isEqualTo(1);

        assertThat(admin("operator", "/api/v1/registrations/" + id + "/review",
                "{\"decision\":\"APPROVE\"}").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> reviewed = admin("admin", "/api/v1/registrations/" + id + "/review",
                "{\"decision\":\"APPROVE\",\"opinion\":\"access test passed\"}");
        assertThat(reviewed.statusCode()).as(body(reviewed)).isEqualTo(200);
        assertThat(json.readTree(reviewed.body()).get("status").asText()).isEqualTo("APPROVED");

        HttpResponse<byte[]> pulled = send(applicant, "GET", ServiceMgmtPaths.certificate(id),
                ServiceMgmtPaths.CERTIFICATE_PULL, new byte[0]);
        assertThat(pulled.statusCode()).as(body(pulled)).isEqualTo(200);
        X509CertificateHolder certificate = new X509CertificateHolder(
                Base64.getDecoder().decode(json.readTree(pulled.body()).get("certificate").asText()));
        assertThat(certificate.getIssuer()).isEqualTo(ca.rootCertificate().getSubject());
        assertThat(certificate.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER).build(ca.rootCertificate()))).isTrue();

        assertThat(parentList.pull()).isEqualTo(first + 1);
        assertThat(parentList.current().orElseThrow().entries()).anySatisfy(e -> {
            assertThat(e.certId()).isEqualTo(applicant.signerId().hex());
            assertThat(e.status()).isEqualTo(TrustListEntry.Status.ACTIVE);
            assertThat(e.tier()).isEqualTo(Tier.CITY);
        });
        MessageSigner citySigner = MessageSigner.of(lowerDevice, key, certificate, clock());
        assertThat(federationCall(citySigner, base()).statusCode()).isEqualTo(404); // verified, no handler for the kind

        HttpResponse<byte[]> gone = admin("admin", "/api/v1/registrations/" + id + "/deregistration", "");
        assertThat(gone.statusCode()).as(body(gone)).isEqualTo(200);
        assertThat(parentList.pull()).isEqualTo(first + 2);
        assertThat(parentList.find(applicant.signerId())).hasValueSatisfying(s -> assertThat(s.revoked()).isTrue());
        HttpResponse<byte[]> refused = federationCall(citySigner, base());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(code(refused)).isEqualTo("MESSAGE_SIGNER_REVOKED");

        JdbcTemplate jdbc = upper.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT action FROM audit_record WHERE target = ? ORDER BY seq", String.class,
                "registration:" + id)).containsExactly("registration.apply", "registration.approve",
                "registration.deregister");
        Map<String, Object> older = jdbc.queryForMap(
                "SELECT document, signature FROM service_trust_list WHERE version = ?", first + 1);
        assertThatThrownBy(() -> parentList.accept(((String) older.get("document")).getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode((String) older.get("signature"))))
                .isInstanceOfSatisfying(SealException.class, e -> assertThat(e.code()).isEqualTo("TRUST_LIST_ROLLBACK"));
        assertThat(parentList.version()).isEqualTo(first + 2);

        Map<String, Object> newest = jdbc.queryForMap(
                "SELECT document, signature FROM service_trust_list WHERE version = ?", first + 2);
        assertThatThrownBy(() -> parentList.accept(((String) newest.get("document"))
                .getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode((String) older.get("signature"))))
                .isInstanceOfSatisfying(SealException.class,
                        e -> assertThat(e.code()).isEqualTo("TRUST_LIST_SIGNATURE_INVALID"));
        TrustListClient wrongPin = new TrustListClient(http, base(),
                lower.getBean(CertificateAuthority.class).rootCertificate(), clock(), Duration.ofSeconds(10));
        assertThatThrownBy(wrongPin::pull).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo("TRUST_LIST_SIGNER_UNTRUSTED"));
        assertThat(wrongPin.find(upperSigner.signerId())).isEmpty();

        // a restarted lower node starts from the stored list: still version 3, still refusing version 2
        TrustListClient restarted = new TrustListClient(http, base(), ca.rootCertificate(), clock(),
                Duration.ofSeconds(10), new JdbcParentTrustListStore(lower.getBean(JdbcTemplate.class), clock()));
        assertThat(restarted.version()).isEqualTo(first + 2);
        assertThat(restarted.find(applicant.signerId())).hasValueSatisfying(s -> assertThat(s.revoked()).isTrue());
        assertThatThrownBy(() -> restarted.accept(((String) older.get("document")).getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode((String) older.get("signature"))))
                .isInstanceOfSatisfying(SealException.class, e -> assertThat(e.code()).isEqualTo("TRUST_LIST_ROLLBACK"));
    }

    @Test
    void badApplicationsAreRefusedAndNothingIsWritten() throws Exception {
        ApplicantSigner applicant = newApplicant();
        ApplicantSigner other = newApplicant();
        long lists = trustListCount();

        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(applicant, "440300").toJson()), 422, "REGISTRATION_REGION_OUTSIDE");
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(other, "350500").toJson()), 401, "REGISTRATION_PROOF_MISMATCH");
        // the access-test report: signed by a tester this node trusts, about this applicant, PASSED, recent
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(applicant, other, APPLICANT_URL, AccessTestResult.Verdict.PASSED, clock().instant(),
                        "350500").toJson()), 422, "ACCESS_TEST_REPORT_UNTRUSTED");
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(applicant, upperTester(), APPLICANT_URL, AccessTestResult.Verdict.FAILED,
                        clock().instant(), "350500").toJson()), 422, "ACCESS_TEST_FAILED");
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(applicant, upperTester(), "https://elsewhere.example", AccessTestResult.Verdict.PASSED,
                        clock().instant(), "350500").toJson()), 422, "ACCESS_TEST_REPORT_OTHER_TARGET");
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(applicant, upperTester(), APPLICANT_URL, AccessTestResult.Verdict.PASSED,
                        clock().instant().minus(java.time.Duration.ofDays(8)), "350500").toJson()), 422,
                "ACCESS_TEST_REPORT_EXPIRED");
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                "{\"systemName\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 400, "REGISTRATION_INVALID");
        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                "not json".getBytes(StandardCharsets.UTF_8)), 400, "REGISTRATION_INVALID");

        assertRefused(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.STATUS_CHANGE,
                application(applicant, "350500").toJson()), 400, "MESSAGE_KIND_UNSUPPORTED");
        byte[] body = application(applicant, "350500").toJson();
        SignedMessage signed = applicant.sign(new MessageContext.Request("POST", ServiceMgmtPaths.APPLY),
                MessageKind.REGISTRATION_APPLY, UUID.randomUUID().toString(), body);
        byte[] tampered = body.clone();
        tampered[10] ^= 0x01;
        assertRefused(post(signed, tampered), 400, "MESSAGE_DIGEST_MISMATCH");
        assertThat(registrationsOf(applicant)).isZero();

        assertThat(post(signed, body).statusCode()).isEqualTo(202);
        assertRefused(post(signed, body), 409, "MESSAGE_REPLAYED");
        assertThat(registrationsOf(applicant)).isEqualTo(1);
        assertThat(trustListCount()).isEqualTo(lists);
    }

    @Test
    void rejectionNeedsAnOpinionAndIsFinal() throws Exception {
        ApplicantSigner applicant = newApplicant();
        HttpResponse<byte[]> applied = send(applicant, "POST", ServiceMgmtPaths.APPLY,
                MessageKind.REGISTRATION_APPLY, application(applicant, "350500").toJson());
        assertThat(applied.statusCode()).as(body(applied)).isEqualTo(202);
        String id = json.readTree(applied.body()).get("registrationId").asText();
        String review = "/api/v1/registrations/" + id + "/review";
        long lists = trustListCount();

        assertThat(code(admin("admin", review, "{\"decision\":\"REJECT\"}"))).isEqualTo("REGISTRATION_OPINION_REQUIRED");
        assertThat(code(admin("admin", review, "{\"decision\":\"MAYBE\"}"))).isEqualTo("REGISTRATION_INVALID");
        HttpResponse<byte[]> rejected = admin("admin", review,
                "{\"decision\":\"REJECT\",\"opinion\":\"access test report incomplete\"}");
        assertThat(json.readTree(rejected.body()).get("status").asText()).isEqualTo("REJECTED");
        HttpResponse<byte[]> again = admin("admin", review, "{\"decision\":\"APPROVE\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("REGISTRATION_NOT_PENDING");
        assertRefused(send(applicant, "GET", ServiceMgmtPaths.certificate(id), ServiceMgmtPaths.CERTIFICATE_PULL,
                new byte[0]), 409, "REGISTRATION_NOT_ACTIVE");
        assertRefused(send(newApplicant(), "GET", ServiceMgmtPaths.certificate(id), ServiceMgmtPaths.CERTIFICATE_PULL,
                new byte[0]), 401, "MESSAGE_SIGNER_UNKNOWN");
        assertThat(trustListCount()).isEqualTo(lists);
        // a rejected key may apply again (new registration)
        assertThat(send(applicant, "POST", ServiceMgmtPaths.APPLY, MessageKind.REGISTRATION_APPLY,
                application(applicant, "350500").toJson()).statusCode()).isEqualTo(202);
        assertThat(registrationsOf(applicant)).isEqualTo(2);
    }

    private void assertRefused(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(body(response)).isEqualTo(status);
        assertThat(code(response)).isEqualTo(code);
        assertThat(response.headers().firstValue("Seal-Signature")).isPresent();
    }

    @Test
    void theLowerNodeAppliesWithItsOwnSystemKeyAndItsMessagesAreTrustedOnceApproved() throws Exception {
        MessageSigner lowerSigner = lower.getBean(MessageSigner.class);
        lower.getBean(TrustListClient.class).pull();
        // before approval the parent does not know the city's system key
        assertThat(federationCall(lowerSigner, base()).statusCode()).isEqualTo(401);

        assertThat(code(lowerAdmin("/api/v1/parent-registration", "{\"systemName\":\"Xiamen\"}")))
                .isEqualTo("PARENT_REGISTRATION_INVALID");
        assertThat(code(lowerAdmin("/api/v1/parent-registration/refresh", ""))).isEqualTo("PARENT_REGISTRATION_NOT_FOUND");

        ApplicantSigner nodeKey = new ApplicantSigner(lowerDevice, lower.getBean(CertificateAuthority.class).nodeKey(),
                clock());
        JsonNode report = json.readTree(application(nodeKey, upperTester(), "http://127.0.0.1:1",
                AccessTestResult.Verdict.PASSED, clock().instant(), "350500").toJson()).get("accessTestReport");
        HttpResponse<byte[]> applied = lowerAdmin("/api/v1/parent-registration",
                "{\"systemName\":\"Xiamen seal system\",\"organisation\":\"Xiamen HRSS bureau\","
                        + "\"kinds\":[\"MAKING\",\"STATUS\"],\"accessTestReport\":" + report + "}");
        assertThat(applied.statusCode()).as(body(applied)).isEqualTo(202);
        String id = json.readTree(applied.body()).get("registrationId").asText();
        assertThat(json.readTree(applied.body()).get("status").asText()).isEqualTo("PENDING");
        assertThat(json.readTree(lowerAdmin("/api/v1/parent-registration/refresh", "").body()).get("status")
                .asText()).isEqualTo("PENDING");

        assertThat(admin("admin", "/api/v1/registrations/" + id + "/review",
                "{\"decision\":\"APPROVE\",\"opinion\":\"ok\"}").statusCode()).isEqualTo(200);
        JsonNode approved = json.readTree(lowerAdmin("/api/v1/parent-registration/refresh", "").body());
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        X509CertificateHolder certificate = new X509CertificateHolder(
                Base64.getDecoder().decode(approved.get("certificate").asText()));
        assertThat(certificate.getIssuer()).isEqualTo(upper.getBean(CertificateAuthority.class).rootCertificate()
                .getSubject());
        // the city's ordinary federation messages (signed with the same key) now pass the province's filter
        assertThat(federationCall(lowerSigner, base()).statusCode()).isEqualTo(404);

        assertThat(admin("admin", "/api/v1/registrations/" + id + "/deregistration", "").statusCode())
                .isEqualTo(200);
        assertThat(json.readTree(lowerAdmin("/api/v1/parent-registration/refresh", "").body()).get("status")
                .asText()).isEqualTo("NOT_ACTIVE");
        assertThat(federationCall(lowerSigner, base()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<byte[]> lowerAdmin(String path, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + UpperNodeApp.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(lowerBase().resolve(path)).header("Authorization", "Basic " + auth)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private ApplicantSigner newApplicant() {
        return new ApplicantSigner(lowerDevice, lowerDevice.generateKeyPair("city-" + UUID.randomUUID()), clock());
    }

    private static final String APPLICANT_URL = "https://seal.xm.example:8443";

    /** An application for {@code holder}'s key with a passed access test run by the upper node. */
    private RegistrationApplication application(ApplicantSigner holder, String region) {
        return application(holder, upperTester(), APPLICANT_URL, AccessTestResult.Verdict.PASSED, clock().instant(),
                region);
    }

    /** An application whose access-test report {@code tester} signed about {@code target}. */
    private static RegistrationApplication application(ApplicantSigner holder, ApplicantSigner tester, String target,
                                                       AccessTestResult.Verdict verdict, java.time.Instant finished,
                                                       String region) {
        AccessTestResult result = new AccessTestResult(AccessTestResult.FORMAT, "test", tester.signerId().hex(),
                new AccessTestResult.Target(target, holder.signerId().hex()), finished.minusSeconds(5), finished,
                verdict, List.of(new AccessTestResult.CaseResult("T1", "signed status query", "200 signed",
                verdict == AccessTestResult.Verdict.PASSED ? "200 signed" : "200 unsigned",
                verdict == AccessTestResult.Verdict.PASSED ? AccessTestResult.Outcome.PASSED
                        : AccessTestResult.Outcome.FAILED)));
        return new RegistrationApplication("Xiamen seal making", "Xiamen HRSS bureau", Set.of(SystemKind.MAKING),
                URI.create(APPLICANT_URL), Tier.CITY, AdministrativeRegionCode.parse(region),
                holder.publicKey(), RegistrationApplication.AccessTestReport.signed(result.toJson(),
                tester.publicKey(), tester::signDigest));
    }

    /** The upper node itself as the tester: it trusts its own system key. */
    private ApplicantSigner upperTester() {
        return new ApplicantSigner(upper.getBean(CipherDevice.class),
                upper.getBean(CertificateAuthority.class).nodeKey(), clock());
    }

    private HttpResponse<byte[]> send(ApplicantSigner signer, String method, String path, MessageKind kind,
                                      byte[] body) throws Exception {
        SignedMessage signed = signer.sign(new MessageContext.Request(method, path), kind,
                UUID.randomUUID().toString(), body);
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path));
        signed.httpHeaders().forEach(request::header);
        request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(SignedMessage signed, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(ServiceMgmtPaths.APPLY));
        signed.httpHeaders().forEach(request::header);
        return http.send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> federationCall(MessageSigner signer, URI node) throws Exception {
        String path = "/federation/messages/status.change/1";
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SignedMessage signed = signer.sign(new MessageContext.Request("POST", path), MessageKind.STATUS_CHANGE,
                UUID.randomUUID().toString(), body);
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path));
        signed.httpHeaders().forEach(request::header);
        return http.send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> admin(String user, String path, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + UpperNodeApp.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String code(HttpResponse<byte[]> response) throws Exception {
        JsonNode node = json.readTree(response.body());
        return node == null ? null : node.path("code").asText();
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private int registrationsOf(ApplicantSigner applicant) {
        return upper.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM service_registration WHERE signer_id = ?", Integer.class,
                applicant.signerId().hex());
    }

    private long trustListCount() {
        return upper.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM service_trust_list",
                Long.class);
    }

    private MutableClock clock() {
        return upper.getBean(MutableClock.class);
    }

    private URI lowerBase() {
        return URI.create("http://127.0.0.1:" + lower.getEnvironment().getProperty("local.server.port"));
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + upper.getEnvironment().getProperty("local.server.port"));
    }
}
