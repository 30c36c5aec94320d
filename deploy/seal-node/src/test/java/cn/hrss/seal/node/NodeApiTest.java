package cn.hrss.seal.node;

import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

import jakarta.servlet.MultipartConfigElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node over real HTTP on a random port, once per database (subclasses): health, bootstrap administrator,
 * login and lockout, idle expiry, user and API client administration with their rules, and the error bodies.
 * Tests create their own users, so they share the node but not data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "seal.accounts.bootstrap-admin=admin:Bootstrap9Admin"})
@Import(NodeApiTest.Clocks.class)
abstract class NodeApiTest {
    static final String PASSWORD = "Operator9Pass";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    CipherDevice device;
    @Autowired
    MultipartConfigElement multipart;
    @Autowired
    ServletWebServerApplicationContext context;

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-03-01T02:00:00Z"));
        }
    }

    static void register(DynamicPropertyRegistry registry, TestDatabase db) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("seal-node-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("seal.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    record Reply(int status, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }
    }

    Reply call(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        String text;
        try {
            text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            ResponseEntity<String> r = http.exchange(path, method, new HttpEntity<>(text, headers), String.class);
            return new Reply(r.getStatusCode().value(), r.getBody() == null ? json.nullNode() : json.readTree(r.getBody()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply login(String username, String password) {
        return call(HttpMethod.POST, "/api/v1/auth/login", null, Map.of("username", username, "password", password));
    }

    String token(String username, String password) {
        Reply r = login(username, password);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().get("token").asText();
    }

    String admin() {
        return token("admin", "Bootstrap9Admin");
    }

    String newUser(String... roles) {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        Reply r = call(HttpMethod.POST, "/api/v1/users", admin(), Map.of("username", username, "password", PASSWORD,
                "displayName", "User " + username, "roles", List.of(roles)));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return username;
    }

    @Test
    void smallUploadPartsStayInMemoryAndAnswersAreWrittenInLargePieces() {
        // form fields and small documents are not written to temporary files (PERFORMANCE.md section 3)
        assertThat(multipart.getFileSizeThreshold()).isEqualTo(1024 * 1024);
        assertThat(multipart.getMaxFileSize()).isEqualTo(50L * 1024 * 1024);
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        assertThat(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize")).asString()
                .isEqualTo(Integer.toString(WebServerConfiguration.SOCKET_WRITE_BUFFER));
    }

    @Test
    void contractsRunInTheNodeForMembersOfRegisteredInstitutionsOnly() {
        String businessAdmin = token(newUser("BUSINESS_ADMIN"), PASSWORD);
        String user = newUser("SEAL_OPERATOR");
        assertThat(call(HttpMethod.GET, "/api/v1/contracts", token(user, PASSWORD), null).code())
                .isEqualTo("CONTRACT_NOT_A_MEMBER");
        Reply institution = call(HttpMethod.POST, "/api/v1/contract-institutions", businessAdmin, Map.of("name",
                "某银行", "creditCode", cn.hrss.seal.testsupport.TestIdentifiers.creditCode("350100"),
                "contactEmail", "contracts@bank.example.test"));
        assertThat(institution.status()).as(institution.body().toString()).isEqualTo(201);
        assertThat(call(HttpMethod.POST, "/api/v1/contract-institutions/" + institution.body().get("id").asText()
                + "/members", businessAdmin, Map.of("username", user)).status()).isEqualTo(204);
        Reply contracts = call(HttpMethod.GET, "/api/v1/contracts", token(user, PASSWORD), null);
        assertThat(contracts.status()).isEqualTo(200);
        assertThat(contracts.body().get("total").asLong()).isZero();
    }

    @Test
    void healthIsUpWithoutDetails() {
        ResponseEntity<String> r = http.getForEntity("/actuator/health", String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void publishesItsSignedTrustListAndRefusesUnsignedFederationCallsInSignedForm() {
        ResponseEntity<String> list = http.getForEntity("/federation/trust-list", String.class);
        assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(200);
        assertThat(list.getHeaders().getFirst("Seal-Signature")).isNotBlank();
        ResponseEntity<String> unsigned = http.postForEntity("/federation/registrations", "{}", String.class);
        assertThat(unsigned.getStatusCode().is4xxClientError()).as(unsigned.getBody()).isTrue();
        assertThat(unsigned.getBody()).contains("MESSAGE_");
        assertThat(unsigned.getHeaders().getFirst("Seal-Signature")).as("errors are signed too").isNotBlank();
    }

    @Test
    void servesItsOpenApiDescriptionWithoutLogin() {
        ResponseEntity<String> r = http.getForEntity("/v3/api-docs", String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"openapi\"", "/api/v1/sign/pdf", "/api/v1/sign/data",
                "/api/v1/sign/data/batch",
                "/api/v1/sign-requests", "/api/v1/authorisations", "/api/v1/verify", "/api/v1/seal-applications");
    }

    @Test
    void bootstrapAdministratorLogsInAsSystemAdministrator() {
        Reply me = call(HttpMethod.GET, "/api/v1/auth/me", admin(), null);
        assertThat(me.body().get("id").asText()).isEqualTo("admin");
        assertThat(me.body().get("roles")).extracting(JsonNode::asText).containsExactly("SYSTEM_ADMIN");
        Reply users = call(HttpMethod.GET, "/api/v1/users", admin(), null);
        assertThat(users.body().findValuesAsText("createdBy")).contains("bootstrap");
    }

    @Test
    void loginReturnsTokenAndIdleExpiry() {
        Reply r = login("admin", "Bootstrap9Admin");
        assertThat(r.body().get("token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(r.body().get("expiresAt").asText()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Reply wrong = login(newUser("SEAL_REVIEWER"), "Wrong9Password");
        Reply unknown = login("nobody-" + UUID.randomUUID(), "Wrong9Password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void fiveFailuresLockTheAccount() {
        String user = newUser("SEAL_OPERATOR");
        for (int i = 0; i < 5; i++) {
            assertThat(login(user, "Wrong9Password").code()).isEqualTo("BAD_CREDENTIALS");
        }
        Reply locked = login(user, PASSWORD);
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void tokenExpiresAfterThirtyIdleMinutes() {
        String token = token(newUser("SEAL_OPERATOR"), PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        assertThat(call(HttpMethod.GET, "/api/v1/auth/me", token, null).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        Reply expired = call(HttpMethod.GET, "/api/v1/auth/me", token, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void createdUserLogsInWithHisRoles() {
        String user = newUser("SEAL_OPERATOR", "SEAL_REVIEWER");
        Reply me = call(HttpMethod.GET, "/api/v1/auth/me", token(user, PASSWORD), null);
        assertThat(me.body().get("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("SEAL_OPERATOR", "SEAL_REVIEWER");
    }

    @Test
    void userCreationEnforcesPasswordRules() {
        Reply r = call(HttpMethod.POST, "/api/v1/users", admin(), Map.of("username", "weak-" + UUID.randomUUID()
                .toString().substring(0, 6), "password", "alllowercase", "displayName", "W", "roles",
                List.of("SEAL_OPERATOR")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("WEAK_PASSWORD");
        assertThat(r.body().at("/details/failedRules")).extracting(JsonNode::asText)
                .containsExactly("UPPERCASE", "DIGIT");
    }

    @Test
    void businessAndAuditAdministrationNeverShareAnAccount() {
        Reply r = call(HttpMethod.POST, "/api/v1/users", admin(), Map.of("username", "both", "password", PASSWORD,
                "displayName", "Both", "roles", List.of("BUSINESS_ADMIN", "AUDIT_ADMIN")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("ROLE_CONFLICT");
        assertThat(r.body().at("/details/roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("BUSINESS_ADMIN", "AUDIT_ADMIN");
        assertThat(login("both", PASSWORD).code()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void rejectsUnknownAndUnassignableRolesAndBadUsernames() {
        assertThat(call(HttpMethod.POST, "/api/v1/users", admin(), Map.of("username", "r1-user", "password", PASSWORD,
                "displayName", "R", "roles", List.of("ROOT"))).code()).isEqualTo("UNKNOWN_ROLE");
        assertThat(call(HttpMethod.POST, "/api/v1/users", admin(), Map.of("username", "r2-user", "password", PASSWORD,
                "displayName", "R", "roles", List.of("API_CLIENT"))).code()).isEqualTo("ROLE_NOT_ASSIGNABLE");
        Reply bad = call(HttpMethod.POST, "/api/v1/users", admin(), Map.of("username", "a b", "password", PASSWORD,
                "displayName", "R", "roles", List.of("SEAL_OPERATOR")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.body().at("/details/fields/username").isMissingNode()).isFalse();
    }

    @Test
    void duplicateUsernameIsAConflict() {
        String user = newUser("SEAL_OPERATOR");
        Reply r = call(HttpMethod.POST, "/api/v1/users", admin(), Map.of("username", user, "password", PASSWORD,
                "displayName", "Again", "roles", List.of("SEAL_REVIEWER")));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void leastPrivilegeOnAdministration() {
        String operator = token(newUser("SEAL_OPERATOR"), PASSWORD);
        Reply r = call(HttpMethod.GET, "/api/v1/users", operator, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo(json.valueToTree(Map.of("code", "FORBIDDEN",
                "message", "the caller's roles do not allow this", "details", Map.of())));
        // API clients belong to the business administrator, not the system administrator
        assertThat(call(HttpMethod.POST, "/api/v1/api-clients", admin(), Map.of("name", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void businessAdministratorCreatesApiClientThatGetsItsOwnToken() {
        String business = token(newUser("BUSINESS_ADMIN"), PASSWORD);
        Reply created = call(HttpMethod.POST, "/api/v1/api-clients", business, Map.of("name", "Pension system"));
        assertThat(created.status()).isEqualTo(201);
        String clientId = created.body().get("clientId").asText();
        String secret = created.body().get("clientSecret").asText();

        Reply issued = call(HttpMethod.POST, "/api/v1/auth/client-token", null,
                Map.of("clientId", clientId, "clientSecret", secret));
        assertThat(issued.status()).isEqualTo(200);
        String clientToken = issued.body().get("token").asText();
        Reply me = call(HttpMethod.GET, "/api/v1/auth/me", clientToken, null);
        assertThat(me.body().get("kind").asText()).isEqualTo("API_CLIENT");
        assertThat(call(HttpMethod.GET, "/api/v1/users", clientToken, null).status()).isEqualTo(403);

        assertThat(call(HttpMethod.GET, "/api/v1/api-clients", business, null).body().findValuesAsText("clientId"))
                .contains(clientId);
        assertThat(call(HttpMethod.GET, "/api/v1/api-clients", business, null).body().toString())
                .doesNotContain(secret);
        assertThat(call(HttpMethod.POST, "/api/v1/auth/client-token", null,
                Map.of("clientId", clientId, "clientSecret", "x")).code()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void missingOrUnknownTokenIsUnauthenticated() {
        Reply none = call(HttpMethod.GET, "/api/v1/users", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).isEqualTo(json.valueToTree(Map.of("code", "UNAUTHENTICATED",
                "message", "a bearer token is required", "details", Map.of())));
        Reply unknown = call(HttpMethod.GET, "/api/v1/users", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(call(HttpMethod.GET, "/api/v1/users", "not a token", null).code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void caAndStatusServeTheirPublicPathsWithoutAToken() {
        ResponseEntity<String> root = http.getForEntity("/ca/root.pem", String.class);
        assertThat(root.getStatusCode().value()).isEqualTo(200);
        assertThat(root.getBody()).startsWith("-----BEGIN CERTIFICATE-----");
        ResponseEntity<String> status = http.getForEntity("/api/v1/seal-status/NO-SUCH-SEAL", String.class);
        assertThat(status.getStatusCode().value()).isEqualTo(200);
        assertThat(status.getBody()).contains("\"status\":\"UNKNOWN\"");
        assertThat(status.getHeaders().getFirst("Seal-Signature")).isNotBlank();
    }

    @Test
    void malformedJsonIsABadRequest() {
        Reply login = call(HttpMethod.POST, "/api/v1/auth/login", null, "{\"username\": ");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.code()).isEqualTo("MALFORMED_REQUEST");
        Reply create = call(HttpMethod.POST, "/api/v1/users", admin(), "[1,2");
        assertThat(create.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(call(HttpMethod.POST, "/api/v1/auth/login", null, "{}").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void pathsTheFirewallRejectsGetTheContractsErrorBody() {
        Reply r = call(HttpMethod.GET, "/api/v1/users/a;b", admin(), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("MALFORMED_REQUEST_PATH");
    }

    @Test
    void accountEventsLandInTheAuditChainThatOnlyTheAuditAdministratorReads() {
        String user = newUser("SEAL_OPERATOR");
        assertThat(login(user, "Wrong9Password").status()).isEqualTo(401);
        String auditor = token(newUser("AUDIT_ADMIN"), PASSWORD);

        Reply created = call(HttpMethod.GET, "/api/v1/audit/records?action=account.user.create&size=200", auditor,
                null);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("items")).anySatisfy(item -> {
            assertThat(item.get("actor").asText()).isEqualTo("user:admin");
            assertThat(item.get("target").asText()).isEqualTo("user:" + user);
            assertThat(item.get("outcome").asText()).isEqualTo("SUCCESS");
        });
        Reply failed = call(HttpMethod.GET, "/api/v1/audit/records?action=account.login&actor=user:" + user,
                auditor, null);
        assertThat(failed.body().get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("outcome").asText()).isEqualTo("FAILURE");
            assertThat(item.at("/details/reason").asText()).isEqualTo("BAD_CREDENTIALS");
        });
        assertThat(call(HttpMethod.GET, "/api/v1/audit/verify", auditor, null).status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/audit/records", admin(), null).status()).isEqualTo(403);
    }

    @Test
    void migrationsRunBeforeAnyMapper(@Autowired org.springframework.context.ConfigurableApplicationContext context) {
        String[] factories = context.getBeanFactory().getBeanNamesForType(
                org.apache.ibatis.session.SqlSessionFactory.class);
        assertThat(factories).isNotEmpty().allSatisfy(name -> assertThat(
                context.getBeanFactory().getBeanDefinition(name).getDependsOn()).contains("flywayInitializer"));
    }

    @Test
    void softDeviceKeepsItsSecretsOwnerOnlyInTheDataDirectory(@Autowired NodeProperties node) throws IOException {
        Path keys = node.dataDir().resolve("keys");
        assertThat(device.info().deviceSerial()).isEqualTo("soft-device.ks");
        assertThat(keys.resolve("soft-device.ks")).exists();
        assertThat(Files.getPosixFilePermissions(keys.resolve("master.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(keys.resolve("master.key")).trim()).matches("[0-9a-f]{32}");
    }
}
