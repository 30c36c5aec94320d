package cn.hrss.seal.accounts;

import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database, as behind a gateway: a token issued by one is accepted by the other, a
 * logout on one ends it on both, and the second node's bootstrap leaves the first node's administrator alone.
 */
class SharedSessionsTest {
    static final TestDatabase DB = TestDatabase.postgres();
    static final ConfigurableApplicationContext NODE_A = start("admin:Bootstrap9Pass");
    static final ConfigurableApplicationContext NODE_B = start("other:Bootstrap9Other");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ConfigurableApplicationContext start(String bootstrap) {
        return new SpringApplicationBuilder(AccountsTestApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + DB.url(), "--spring.datasource.username=" + DB.user(),
                "--seal.accounts.bootstrap-admin=" + bootstrap);
    }

    @AfterAll
    static void stop() {
        NODE_B.close();
        NODE_A.close();
        DB.close();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, String path, String token, String body)
            throws Exception {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(body == null ? "GET" : "POST",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenFromOneNodeWorksOnTheOtherUntilLogout() throws Exception {
        HttpResponse<String> login = send(NODE_A, "/api/v1/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"Bootstrap9Pass\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        assertThat(send(NODE_B, "/api/v1/auth/me", token, null).body()).contains("\"id\":\"admin\"");
        assertThat(send(NODE_B, "/api/v1/auth/logout", token, "").statusCode()).isEqualTo(204);
        assertThat(send(NODE_A, "/api/v1/auth/me", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void secondNodeDoesNotCreateAnotherAdministrator() throws Exception {
        assertThat(send(NODE_B, "/api/v1/auth/login", null,
                "{\"username\":\"other\",\"password\":\"Bootstrap9Other\"}").statusCode()).isEqualTo(401);
    }
}
