package cn.hrss.seal.console;

import static cn.hrss.seal.testsupport.TestIdentifiers.creditCode;
import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.user.UserAccounts;
import cn.hrss.seal.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console in a node with the real accounts, audit, seal making, CA and seal status modules, on a random port
 * (the console reaches the node's API over loopback) and driven with MockMvc as a browser would: form login,
 * session cookie, CSRF token. Subclasses run it on H2 and PostgreSQL. Every test creates its own users and seals.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seal.making.expiry.enabled=false", "seal.ca.validity.seal=P1500D"})
@AutoConfigureMockMvc
abstract class ConsoleTestBase {
    static final String PASSWORD = "Console9Pass";
    static final String AGENT_ID = "11010519491231002X";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;

    static void register(DynamicPropertyRegistry r, TestDatabase db) {
        r.add("spring.datasource.url", db::url);
        r.add("spring.datasource.username", db::user);
        r.add("spring.datasource.password", db::password);
    }

    // ---------------------------------------------------------------- login, logout, session

    @Test
    void pagesNeedALoginAndTheLoginPageIsChineseByDefault() throws Exception {
        mvc.perform(get("/console/applications")).andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/console/login"));
        String page = mvc.perform(get("/console/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("lang=\"zh-CN\"", "用户名", "密码", "电子印章管理控制台").doesNotContain("Sign in");
    }

    @Test
    void englishByLangParameterStaysForTheSession() throws Exception {
        MockHttpSession browser = new MockHttpSession();
        assertThat(text(get("/console/login").param("lang", "en").session(browser)))
                .contains("lang=\"en\"", "Sign in", "Username");
        assertThat(text(get("/console/login").session(browser))).contains("Sign in");
        assertThat(text(get("/console/login").param("lang", "zh-CN").session(browser))).contains("登录");
        // an unsupported language is ignored, not an error
        assertThat(text(get("/console/login").param("lang", "xx").session(browser))).contains("登录");
    }

    @Test
    void loginOpensAThirtyMinuteSessionAndLogoutEndsIt() throws Exception {
        String operator = user(Role.SEAL_OPERATOR);
        MockHttpSession session = login(operator);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
        String home = text(get("/console").session(session));
        assertThat(home).contains("User " + operator, "制章操作员", "/console/applications/new")
                .doesNotContain("/console/users", "/console/audit");

        mvc.perform(post("/console/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/console/login?logout"));
        mvc.perform(get("/console").session(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/console/login"));
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithAReason() throws Exception {
        String operator = user(Role.SEAL_OPERATOR);
        mvc.perform(formLogin("/console/login").user(operator).password("Wrong9Password"))
                .andExpect(redirectedUrl("/console/login?error=bad"));
        assertThat(text(get("/console/login").param("error", "bad"))).contains("用户名或密码错误");
    }

    @Test
    void repeatedFailuresLockTheAccountAsTheApiDoes() throws Exception {
        String operator = user(Role.SEAL_OPERATOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/console/login").user(operator).password("Wrong9Password"));
        }
        mvc.perform(formLogin("/console/login").user(operator).password(PASSWORD))
                .andExpect(redirectedUrl("/console/login?error=locked"));
    }

    @Test
    void formsNeedTheCsrfToken() throws Exception {
        MockHttpSession admin = login(user(Role.SYSTEM_ADMIN));
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/console/users").session(admin).param("username", username)
                        .param("displayName", "No token").param("password", PASSWORD).param("roles", "SEAL_OPERATOR"))
                .andExpect(status().isForbidden());
        assertThat(text(get("/console/users").session(admin))).doesNotContain(username);
        mvc.perform(post("/console/logout").session(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/console/login").param("username", "x").param("password", "y"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/console/login"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("default-src 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/console/console.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }

    // ---------------------------------------------------------------- role guards

    @Test
    void everyPageIsReachableOnlyByItsRoles() throws Exception {
        String operatorName = user(Role.SEAL_OPERATOR);
        MockHttpSession operator = login(operatorName);
        MockHttpSession reviewer = login(user(Role.SEAL_REVIEWER));
        MockHttpSession admin = login(user(Role.SYSTEM_ADMIN));
        MockHttpSession auditor = login(user(Role.AUDIT_ADMIN));

        mvc.perform(get("/console/users").session(operator)).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/console/denied"));
        String denied = mvc.perform(get("/console/denied").session(operator)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(denied).contains("无权访问", "您的角色无权访问此页面");
        mvc.perform(post("/console/applications/any/approve").session(operator).with(csrf())
                .param("opinion", "ok")).andExpect(status().isForbidden());
        mvc.perform(post("/console/applications/any/make").session(reviewer).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/applications/new").session(reviewer)).andExpect(status().isForbidden());
        mvc.perform(post("/console/seals/any/cancel").session(reviewer).with(csrf()).param("reason", "r"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/audit").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/console/audit").session(operator)).andExpect(status().isForbidden());
        mvc.perform(get("/console/applications").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/console/users").session(auditor)).andExpect(status().isForbidden());

        mvc.perform(get("/console/applications").session(reviewer)).andExpect(status().isOk());
        mvc.perform(get("/console/users").session(admin)).andExpect(status().isOk());
        mvc.perform(get("/console/federation").session(operator)).andExpect(status().isForbidden());
        mvc.perform(post("/console/federation/registrations/any/review").session(auditor).with(csrf())
                .param("decision", "APPROVE")).andExpect(status().isForbidden());
        // a node without federation modules shows the page with none of its parts rather than an error
        assertThat(text(get("/console/federation").session(admin))).contains("联邦与接入", "执行接入测试")
                .doesNotContain(">向上级注册<", ">下级系统<", ">待发消息<");
        mvc.perform(post("/console/federation/access-tests").session(operator).with(csrf())
                .param("targetBaseUrl", "http://127.0.0.1:1")).andExpect(status().isForbidden());
        String id = apply(operator);
        assertThat(text(get("/console/audit").param("actor", "user:" + operatorName).session(auditor)))
                .contains("审计记录", "共 1 条", id);
        assertThat(text(get("/console/audit/verify").session(auditor))).contains("审计链完整");
    }

    @Test
    void theSystemAdministratorCreatesUsersUnderTheAccountRules() throws Exception {
        MockHttpSession admin = login(user(Role.SYSTEM_ADMIN));
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/console/users").session(admin).with(csrf()).param("username", username)
                        .param("displayName", "新用户").param("password", PASSWORD)
                        .param("roles", "SEAL_OPERATOR", "SEAL_REVIEWER"))
                .andExpect(redirectedUrl("/console/users"));
        assertThat(text(get("/console/users").session(admin))).contains(username, "新用户", "审核员");
        login(username); // the new user signs in

        assertThat(text(post("/console/users").session(admin).with(csrf()).param("username", "weak-" + username)
                .param("displayName", "x").param("password", "short").param("roles", "SEAL_OPERATOR")))
                .contains("密码须多于 8 个字符");
        assertThat(text(post("/console/users").session(admin).with(csrf()).param("username", "sod-" + username)
                .param("displayName", "x").param("password", PASSWORD).param("roles", "AUDIT_ADMIN", "SEAL_OPERATOR")))
                .contains("三员分立");
        assertThat(text(post("/console/users").session(admin).with(csrf()).param("username", "!")
                .param("displayName", "").param("password", PASSWORD)))
                .contains("格式不正确", "此项为必填项", "请至少选择一项");
    }

    // ---------------------------------------------------------------- the lifecycle

    @Test
    void wholeLifecycleThroughTheConsoleForms() throws Exception {
        String operatorName = user(Role.SEAL_OPERATOR);
        MockHttpSession operator = login(operatorName);
        MockHttpSession reviewer = login(user(Role.SEAL_REVIEWER));

        String id = apply(operator);
        String detail = text(get("/console/applications/" + id).session(reviewer));
        assertThat(detail).contains("待审核", "110105********002X", "139****5678").doesNotContain(AGENT_ID);
        assertThat(text(get("/console/applications").param("status", "SUBMITTED").session(reviewer))).contains(id);

        mvc.perform(post("/console/applications/" + id + "/approve").session(reviewer).with(csrf())
                .param("opinion", "材料齐全，同意")).andExpect(redirectedUrl("/console/applications/" + id));
        assertThat(text(get("/console/applications/" + id).session(operator))).contains("已批准", "材料齐全，同意");

        String sealPage = mvc.perform(post("/console/applications/" + id + "/make").session(operator).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        String esId = sealPage.substring("/console/seals/".length());
        assertThat(apiSealStatus(operatorName, esId)).isEqualTo("VALID");
        assertThat(text(get(sealPage).session(reviewer))).contains("有效", esId, "/console/seals/" + esId + "/picture");
        byte[] png = mvc.perform(get(sealPage + "/picture").session(reviewer)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG)).andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        MvcResult loss = mvc.perform(post(sealPage + "/loss").session(operator).with(csrf())
                .param("reason", "USBKey 遗失")).andExpect(redirectedUrl(sealPage)).andReturn();
        assertThat(loss.getFlashMap().get("successorApplicationId")).isNotNull();
        assertThat(apiSealStatus(operatorName, esId)).isEqualTo("SUSPENDED");
        assertThat(text(get(sealPage).session(operator))).contains("已挂失", "USBKey 遗失");

        mvc.perform(post(sealPage + "/cancel").session(operator).with(csrf()).param("reason", "单位撤销"))
                .andExpect(redirectedUrl(sealPage));
        assertThat(apiSealStatus(operatorName, esId)).isEqualTo("REVOKED");
        assertThat(text(get(sealPage).session(operator))).contains("已注销", "单位撤销");

        // a revoked seal cannot be cancelled again: the node's refusal is shown, not a server error
        String refused = mvc.perform(post(sealPage + "/cancel").session(operator).with(csrf()).param("reason", "x"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("印章当前状态不允许办理此事项");
    }

    @Test
    void theApplicantMayNotReviewHisOwnApplication() throws Exception {
        MockHttpSession both = login(user(Role.SEAL_OPERATOR, Role.SEAL_REVIEWER));
        String id = apply(both);
        assertThat(text(get("/console/applications/" + id).session(both)))
                .contains("不能审核本人提交的申请").doesNotContain("/approve");
        String refused = mvc.perform(post("/console/applications/" + id + "/approve").session(both).with(csrf())
                .param("opinion", "同意")).andExpect(status().isForbidden()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("申请人不得审核本人提交的申请");
    }

    @Test
    void badFormInputShowsValidationMessages() throws Exception {
        MockHttpSession operator = login(user(Role.SEAL_OPERATOR));
        assertThat(text(post("/console/applications").session(operator).with(csrf())
                .param("unitCreditCode", "123").param("agentIdNumber", "abc").param("validityDays", "many")))
                .contains("此项为必填项", "格式不正确", "新建印章申请");

        // the right shape but a wrong check character: the node's own check, shown on the field
        Map<String, String> wrongCheck = application();
        String code = wrongCheck.get("unitCreditCode");
        wrongCheck.put("unitCreditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        assertThat(text(form(post("/console/applications").session(operator).with(csrf()), wrongCheck)))
                .contains("未通过系统校验");

        MockHttpSession reviewer = login(user(Role.SEAL_REVIEWER));
        String id = apply(operator);
        assertThat(text(post("/console/applications/" + id + "/approve").session(reviewer).with(csrf())
                .param("opinion", " "))).contains("此项为必填项");
        mvc.perform(get("/console/applications/no-such-id").session(reviewer)).andExpect(status().isNotFound());
    }

    @Test
    void aLifecycleStepWithoutAReasonIsRefusedOnTheForm() throws Exception {
        String operatorName = user(Role.SEAL_OPERATOR);
        MockHttpSession operator = login(operatorName);
        String sealPage = madeSeal(operator, login(user(Role.SEAL_REVIEWER)));
        String esId = sealPage.substring("/console/seals/".length());
        assertThat(text(post(sealPage + "/loss").session(operator).with(csrf()).param("reason", " ")))
                .contains("此项为必填项", "印章业务办理");
        assertThat(text(post(sealPage + "/renew").session(operator).with(csrf()).param("reason", "到期续用")))
                .contains("此项为必填项");
        assertThat(apiSealStatus(operatorName, esId)).isEqualTo("VALID");
        mvc.perform(post(sealPage + "/explode").session(operator).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void whenTheNodeSessionEndsTheConsoleAsksForANewLogin() throws Exception {
        String operatorName = user(Role.SEAL_OPERATOR);
        MockHttpSession operator = login(operatorName);
        String admin = user(Role.SYSTEM_ADMIN);
        // disabling the account revokes its node sessions; the console notices on its next API call
        mvc.perform(post("/api/v1/users/" + operatorName + "/disable")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiToken(admin)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/console/applications").session(operator))
                .andExpect(redirectedUrl("/console/login?error=expired"));
        assertThat(operator.isInvalid()).isTrue();
        assertThat(text(get("/console/login").param("error", "expired"))).contains("会话已失效");
    }

    @Test
    void englishPagesAfterSwitching() throws Exception {
        MockHttpSession operator = login(user(Role.SEAL_OPERATOR));
        assertThat(text(get("/console").param("lang", "en").session(operator)))
                .contains("New application", "Sign out");
        assertThat(text(get("/console/applications/new").session(operator)))
                .contains("Unified social credit code", "Submit application");
    }

    // ---------------------------------------------------------------- helpers

    String user(Role... roles) {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, PASSWORD, "User " + username, EnumSet.copyOf(List.of(roles)), "test");
        return username;
    }

    MockHttpSession login(String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/console/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/console")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    String text(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isLessThan(500);
        return result.getResponse().getContentAsString();
    }

    String apply(MockHttpSession operator) throws Exception {
        String location = mvc.perform(form(post("/console/applications").session(operator).with(csrf()),
                        application()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/console/applications/");
        return location.substring("/console/applications/".length());
    }

    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> fields) {
        fields.forEach(request::param);
        return request;
    }

    /** Applies, approves and makes a seal through the console; returns the seal page's path. */
    String madeSeal(MockHttpSession operator, MockHttpSession reviewer) throws Exception {
        String id = apply(operator);
        mvc.perform(post("/console/applications/" + id + "/approve").session(reviewer).with(csrf())
                .param("opinion", "同意")).andExpect(status().isFound());
        return mvc.perform(post("/console/applications/" + id + "/make").session(operator).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
    }

    /** The seal's status as the contract API reports it, read with the user's own bearer token. */
    String apiSealStatus(String username, String esId) throws Exception {
        JsonNode seal = json.readTree(mvc.perform(get("/api/v1/seals/" + esId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiToken(username)))
                .andReturn().getResponse().getContentAsString());
        return seal.get("status").asText();
    }

    String apiToken(String username) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "password", PASSWORD))))
                .andReturn().getResponse().getContentAsString()).get("token").asText();
    }

    static Map<String, String> application() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("unitCreditCode", creditCode("110105"));
        a.put("unitRegionCode", "110105");
        a.put("unitType", "ADMINISTRATIVE_ORGAN");
        a.put("unitName", "北京市朝阳区人力资源和社会保障局");
        a.put("unitAddress", "北京市朝阳区工体东路");
        a.put("agentName", "张三");
        a.put("agentIdNumber", AGENT_ID);
        a.put("agentPhone", "13912345678");
        a.put("approverUnitName", "北京市人力资源和社会保障局");
        a.put("approverRegionCode", "110000");
        a.put("sealName", "业务专用章");
        a.put("sealType", "99");
        a.put("scope", "INDUSTRY");
        a.put("validityDays", "365");
        return a;
    }
}
