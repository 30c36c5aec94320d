package cn.hrss.seal.console;

import cn.hrss.seal.console.application.ApplicationPages;
import cn.hrss.seal.console.audit.AuditPages;
import cn.hrss.seal.console.federation.FederationPages;
import cn.hrss.seal.console.home.HomePage;
import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.seal.SealPages;
import cn.hrss.seal.console.security.ConsoleSecurityConfiguration;
import cn.hrss.seal.console.user.UserPages;
import cn.hrss.seal.console.web.ConsoleWebConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * The operators' and reviewers' web console under {@code /console}. It drives the node through its own contract API
 * (the same endpoints, role checks and error codes business systems get) with the signed-in user's bearer token, so
 * it needs no access to other modules' internals and cannot bypass their rules.
 */
// before Web MVC and messages: their default localeResolver and messageSource back off for the console's
@AutoConfiguration(before = {MessageSourceAutoConfiguration.class, SecurityAutoConfiguration.class,
        WebMvcAutoConfiguration.class},
        after = {RestClientAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "seal.console", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsoleProperties.class)
@Import({ConsoleWebConfiguration.class, ConsoleSecurityConfiguration.class, HomePage.class, ApplicationPages.class,
        SealPages.class, UserPages.class, AuditPages.class, FederationPages.class})
public class ConsoleAutoConfiguration {

    @Bean
    NodeApi consoleNodeApi(RestClient.Builder http, ObjectMapper json, ConsoleProperties properties) {
        return new NodeApi(http, json, properties.apiUrl());
    }
}
