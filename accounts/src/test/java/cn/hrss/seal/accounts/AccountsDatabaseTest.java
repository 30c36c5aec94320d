package cn.hrss.seal.accounts;

import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.accounts.api.AccountEvent;
import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.accounts.session.Sessions;
import cn.hrss.seal.accounts.user.UserAccounts;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts on a real database: lockout counting, sliding and absolute session expiry, revocation on disable,
 * client credentials, bootstrap, and the events for the audit chain. Runs once per database (subclasses).
 * Each test uses its own usernames, so tests share the context but not data.
 */
@SpringBootTest(classes = AccountsTestApplication.class, properties = {
        "seal.accounts.bootstrap-admin=root:Bootstrap9Pass",
        "seal.accounts.session.idle-timeout=30m", "seal.accounts.session.max-lifetime=12h",
        "seal.accounts.lockout.max-failures=5", "seal.accounts.lockout.duration=15m"})
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class AccountsDatabaseTest {
    static final String PASSWORD = "Correct9Horse";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Sessions sessions;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    static void register(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    private String newUser(Role... roles) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, PASSWORD, "Test " + username, Set.of(roles), "test");
        return username;
    }

    private String tokenFor(SealPrincipal principal) {
        return sessions.open(principal).token();
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer " + token));
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (SealException e) {
            return e.code();
        }
        throw new AssertionError("expected a SealException");
    }

    @Test
    void bootstrapCreatedTheConfiguredSystemAdministratorOnly() {
        SealPrincipal root = accounts.authenticate("root", "Bootstrap9Pass");
        assertThat(root.roles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(jdbc.queryForObject("SELECT created_by FROM account_user WHERE username = 'root'", String.class))
                .isEqualTo("bootstrap");
    }

    @Test
    void springBootCreatesNoInMemoryUser(@Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .isEmpty();
    }

    @Test
    void modulesOpenTheirOwnPublicPathsAndEverythingElseNeedsAToken() throws Exception {
        mvc.perform(get("/probe/public/ping")).andExpect(status().isOk());
        mvc.perform(get("/probe/private/ping")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        String token = tokenFor(accounts.authenticate(newUser(Role.SEAL_OPERATOR), PASSWORD));
        mvc.perform(get("/probe/private/ping").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void creatingAUserIsAnEventNamingRolesAndActor() {
        String user = newUser(Role.SEAL_OPERATOR, Role.SEAL_REVIEWER);
        assertThat(events.stream(AccountEvent.UserCreated.class)).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(user);
            assertThat(e.roles()).containsExactlyInAnyOrder(Role.SEAL_OPERATOR, Role.SEAL_REVIEWER);
            assertThat(e.actor()).isEqualTo("test");
        });
    }

    @Test
    void storesOnlyBcryptHashesOfPasswords() {
        String user = newUser(Role.SEAL_OPERATOR);
        String hash = jdbc.queryForObject("SELECT password_hash FROM account_user WHERE username = ?", String.class,
                user);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }

    @Test
    void locksAfterFiveConsecutiveFailuresForFifteenMinutes() {
        String user = newUser(Role.SEAL_OPERATOR);
        for (int i = 0; i < 5; i++) {
            assertThat(code(() -> accounts.authenticate(user, "Wrong9Password"))).isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(code(() -> accounts.authenticate(user, PASSWORD))).isEqualTo("ACCOUNT_LOCKED");
        assertThat(events.stream(AccountEvent.AccountLocked.class).filter(e -> e.subject().equals(user)))
                .singleElement().satisfies(e -> assertThat(e.until()).isEqualTo(e.at().plus(Duration.ofMinutes(15))));

        clock.advance(Duration.ofMinutes(14));
        assertThat(code(() -> accounts.authenticate(user, PASSWORD))).isEqualTo("ACCOUNT_LOCKED");
        clock.advance(Duration.ofMinutes(1));
        assertThat(accounts.authenticate(user, PASSWORD).id()).isEqualTo(user);
    }

    @Test
    void successResetsTheFailureCount() {
        String user = newUser(Role.SEAL_OPERATOR);
        for (int i = 0; i < 4; i++) {
            code(() -> accounts.authenticate(user, "Wrong9Password"));
        }
        accounts.authenticate(user, PASSWORD);
        for (int i = 0; i < 4; i++) {
            code(() -> accounts.authenticate(user, "Wrong9Password"));
        }
        assertThat(accounts.authenticate(user, PASSWORD).id()).isEqualTo(user);
        assertThat(events.stream(AccountEvent.LoginFailed.class).filter(e -> e.subject().equals(user))).hasSize(8);
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        String user = newUser(Role.SEAL_OPERATOR);
        assertThat(code(() -> accounts.authenticate("nobody-" + user, PASSWORD))).isEqualTo("BAD_CREDENTIALS");
        assertThat(code(() -> accounts.authenticate(user, "Wrong9Password"))).isEqualTo("BAD_CREDENTIALS");
        assertThat(code(() -> accounts.authenticate(user, null))).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void sessionSlidesWithUseAndDiesAfterThirtyIdleMinutes() throws Exception {
        String user = newUser(Role.SEAL_REVIEWER);
        String token = tokenFor(accounts.authenticate(user, PASSWORD));
        clock.advance(Duration.ofMinutes(20));
        me(token).andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("SEAL_REVIEWER"));
        clock.advance(Duration.ofMinutes(20));
        me(token).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(30));
        me(token).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.message").value("bearer token is unknown or expired"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_session WHERE subject_id = ?", Integer.class,
                user)).isZero();
    }

    @Test
    void sessionEndsAtItsAbsoluteLifetimeHoweverBusy() throws Exception {
        String token = tokenFor(accounts.authenticate(newUser(Role.SEAL_OPERATOR), PASSWORD));
        for (int i = 0; i < 35; i++) { // 35 x 20 min = 11 h 40 min
            clock.advance(Duration.ofMinutes(20));
            me(token).andExpect(status().isOk());
        }
        clock.advance(Duration.ofMinutes(20));
        me(token).andExpect(status().isUnauthorized());
    }

    @Test
    void issuedTokenReportsItsIdleExpiry() {
        var issued = sessions.open(accounts.authenticate(newUser(Role.SEAL_OPERATOR), PASSWORD));
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void onlyTheTokenHashIsStored() {
        String user = newUser(Role.SEAL_OPERATOR);
        String token = tokenFor(accounts.authenticate(user, PASSWORD));
        String stored = jdbc.queryForObject("SELECT token_hash FROM account_session WHERE subject_id = ?",
                String.class, user);
        assertThat(stored).hasSize(64).isNotEqualTo(token).doesNotContain(token);
    }

    @Test
    void disablingUserRevokesHisSessionsAndRefusesLogin() throws Exception {
        String admin = newUser(Role.SYSTEM_ADMIN);
        String user = newUser(Role.SEAL_OPERATOR);
        String userToken = tokenFor(accounts.authenticate(user, PASSWORD));
        String adminToken = tokenFor(accounts.authenticate(admin, PASSWORD));
        mvc.perform(post("/api/v1/users/{u}/disable", user).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isNoContent());
        me(userToken).andExpect(status().isUnauthorized());
        assertThat(code(() -> accounts.authenticate(user, PASSWORD))).isEqualTo("ACCOUNT_DISABLED");
        assertThat(events.stream(AccountEvent.UserDisabled.class)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(admin));

        mvc.perform(post("/api/v1/users/{u}/disable", admin).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CANNOT_DISABLE_SELF"));
    }

    @Test
    void systemAdministratorUnlocksEarly() throws Exception {
        String admin = newUser(Role.SYSTEM_ADMIN);
        String user = newUser(Role.SEAL_OPERATOR);
        for (int i = 0; i < 5; i++) {
            code(() -> accounts.authenticate(user, "Wrong9Password"));
        }
        mvc.perform(post("/api/v1/users/{u}/unlock", user)
                        .header("Authorization", "Bearer " + tokenFor(accounts.authenticate(admin, PASSWORD))))
                .andExpect(status().isNoContent());
        assertThat(accounts.authenticate(user, PASSWORD).id()).isEqualTo(user);
    }

    @Test
    void apiClientGetsTokenWithItsSecretAndLosesItWhenDisabled() throws Exception {
        String business = tokenFor(accounts.authenticate(newUser(Role.BUSINESS_ADMIN), PASSWORD));
        String created = mvc.perform(post("/api/v1/api-clients").header("Authorization", "Bearer " + business)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Pension system\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode client = json.readTree(created);
        String clientId = client.get("clientId").asText();
        String secret = client.get("clientSecret").asText();
        assertThat(jdbc.queryForObject("SELECT secret_hash FROM account_api_client WHERE client_id = ?",
                String.class, clientId)).hasSize(64).isNotEqualTo(secret);

        String issued = mvc.perform(post("/api/v1/auth/client-token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("clientId", clientId, "clientSecret", secret))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = json.readTree(issued).get("token").asText();
        me(token).andExpect(jsonPath("$.kind").value("API_CLIENT")).andExpect(jsonPath("$.roles[0]").value("API_CLIENT"));

        mvc.perform(post("/api/v1/auth/client-token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("clientId", clientId,
                                "clientSecret", secret.substring(1) + "A"))))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("BAD_CREDENTIALS"));

        mvc.perform(post("/api/v1/api-clients/{id}/disable", clientId).header("Authorization", "Bearer " + business))
                .andExpect(status().isNoContent());
        me(token).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/auth/client-token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("clientId", clientId, "clientSecret", secret))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CLIENT_DISABLED"));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        String user = newUser(Role.SEAL_OPERATOR);
        String token = tokenFor(accounts.authenticate(user, PASSWORD));
        mvc.perform(post("/api/v1/auth/logout").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        me(token).andExpect(status().isUnauthorized());
        assertThat(events.stream(AccountEvent.LoggedOut.class)).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo(user));
    }

    private ResultActions postJson(String path, String token, Object body) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void userChangesOwnPasswordAndAllHisSessionsEnd() throws Exception {
        String user = newUser(Role.SEAL_OPERATOR);
        String token = tokenFor(accounts.authenticate(user, PASSWORD));
        String other = tokenFor(accounts.authenticate(user, PASSWORD));
        postJson("/api/v1/auth/password", token, java.util.Map.of("currentPassword", "Wrong9Password",
                "newPassword", "Another9Pass")).andExpect(jsonPath("$.code").value("BAD_CREDENTIALS"));
        postJson("/api/v1/auth/password", token, java.util.Map.of("currentPassword", PASSWORD,
                "newPassword", PASSWORD)).andExpect(jsonPath("$.code").value("PASSWORD_UNCHANGED"));
        postJson("/api/v1/auth/password", token, java.util.Map.of("currentPassword", PASSWORD,
                "newPassword", "weak")).andExpect(jsonPath("$.code").value("WEAK_PASSWORD"));
        postJson("/api/v1/auth/password", token, java.util.Map.of("currentPassword", PASSWORD,
                "newPassword", "Another9Pass")).andExpect(status().isNoContent());

        me(token).andExpect(status().isUnauthorized());
        me(other).andExpect(status().isUnauthorized());
        assertThat(code(() -> accounts.authenticate(user, PASSWORD))).isEqualTo("BAD_CREDENTIALS");
        assertThat(accounts.authenticate(user, "Another9Pass").id()).isEqualTo(user);
        assertThat(events.stream(AccountEvent.PasswordChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(user));
    }

    @Test
    void systemAdministratorResetsAForgottenPassword() throws Exception {
        String admin = newUser(Role.SYSTEM_ADMIN);
        String user = newUser(Role.SEAL_REVIEWER);
        String adminToken = tokenFor(accounts.authenticate(admin, PASSWORD));
        postJson("/api/v1/users/" + user + "/password", adminToken, java.util.Map.of("password", "Reset9Password"))
                .andExpect(status().isNoContent());
        assertThat(accounts.authenticate(user, "Reset9Password").id()).isEqualTo(user);
        postJson("/api/v1/users/" + admin + "/password", adminToken, java.util.Map.of("password", "Reset9Password"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USE_OWN_PASSWORD_CHANGE"));
    }

    @Test
    void roleChangesFollowTheRulesAndTakeEffectAtOnce() throws Exception {
        String admin = newUser(Role.SYSTEM_ADMIN);
        String user = newUser(Role.SEAL_OPERATOR);
        String adminToken = tokenFor(accounts.authenticate(admin, PASSWORD));
        String userToken = tokenFor(accounts.authenticate(user, PASSWORD));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/users/{u}/roles", user).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"AUDIT_ADMIN\",\"SEAL_OPERATOR\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("ROLE_CONFLICT"));
        me(userToken).andExpect(status().isOk());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/users/{u}/roles", user).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"AUDIT_ADMIN\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("AUDIT_ADMIN"));
        me(userToken).andExpect(status().isUnauthorized());
        assertThat(accounts.authenticate(user, PASSWORD).roles()).containsExactly(Role.AUDIT_ADMIN);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/users/{u}/roles", admin).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"SEAL_OPERATOR\"]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CANNOT_CHANGE_OWN_ROLES"));
    }

    @Test
    void apiClientHasNoPasswordToChange() throws Exception {
        String token = tokenFor(new SealPrincipal(SealPrincipal.Kind.API_CLIENT, "ac-test", "Test client",
                Set.of(Role.API_CLIENT)));
        postJson("/api/v1/auth/password", token, java.util.Map.of("currentPassword", PASSWORD,
                "newPassword", "Another9Pass")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void duplicateUsernameIsAConflict() {
        String user = newUser(Role.SEAL_OPERATOR);
        assertThatThrownBy(() -> accounts.create(user, PASSWORD, "again", Set.of(Role.SEAL_REVIEWER), "test"))
                .isInstanceOfSatisfying(SealException.class, e -> assertThat(e.code()).isEqualTo("USERNAME_TAKEN"));
    }
}
