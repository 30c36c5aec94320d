package cn.hrss.seal.console.security;

import cn.hrss.seal.console.ConsoleProperties;
import cn.hrss.seal.console.node.NodeApi;
import cn.hrss.seal.console.node.NodeSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own security chain: form login at {@code /console/login} checked by the node's login, an HTTP
 * session with the console's idle timeout, CSRF tokens on every form, strict security headers, and one role rule
 * per page. It takes {@code /console/**} before the accounts module's catch-all bearer-token chain, whose order is
 * {@code ApiSecurityConfiguration.ORDER} ({@code LOWEST_PRECEDENCE - 100}).
 */
@Configuration(proxyBeanMethods = false)
@Import(LoginPage.class)
public class ConsoleSecurityConfiguration {
    /** Before the accounts chain (LOWEST_PRECEDENCE - 100); that class is not part of accounts' published API. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 200;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);
    private static final String OPERATOR = "SEAL_OPERATOR";
    private static final String REVIEWER = "SEAL_REVIEWER";

    @Bean
    @Order(ORDER)
    SecurityFilterChain consoleSecurity(HttpSecurity http, NodeApi api, ConsoleProperties properties)
            throws Exception {
        http.securityMatcher("/console/**")
                .authenticationManager(new ProviderManager(new NodeAuthenticationProvider(api)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(f -> f.loginPage("/console/login").permitAll()
                        .successHandler(startSession(properties))
                        .failureHandler(loginFailed()))
                .logout(l -> l.logoutUrl("/console/logout").addLogoutHandler(endNodeSession(api))
                        .logoutSuccessUrl("/console/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/console.css", "/console/denied").permitAll()
                        .requestMatchers("/console/users/**", "/console/federation/**").hasRole("SYSTEM_ADMIN")
                        .requestMatchers("/console/audit/**").hasRole("AUDIT_ADMIN")
                        .requestMatchers(HttpMethod.POST, "/console/applications/*/approve",
                                "/console/applications/*/reject").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/console/applications", "/console/applications/*/make",
                                "/console/seals/*/*").hasRole(OPERATOR)
                        .requestMatchers("/console/applications/new").hasRole(OPERATOR)
                        .requestMatchers("/console/applications/**", "/console/seals/**")
                        .hasAnyRole(OPERATOR, REVIEWER)
                        .anyRequest().authenticated());
        return http.build();
    }

    /** The servlet session timeout is global; the console sets its own on the session it creates at login. */
    private static AuthenticationSuccessHandler startSession(ConsoleProperties properties) {
        return (request, response, authentication) -> {
            request.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
            response.sendRedirect(request.getContextPath() + "/console");
        };
    }

    /** The login page says why in the user's language; the reason is a fixed word, never the exception text. */
    private static AuthenticationFailureHandler loginFailed() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = e instanceof LockedException ? "locked"
                    : e instanceof DisabledException ? "disabled"
                    : e instanceof AuthenticationServiceException ? "unavailable" : "bad";
            if (e instanceof AuthenticationServiceException) {
                log.warn("console login could not reach the node's API", e);
            }
            response.sendRedirect(request.getContextPath() + "/console/login?error=" + reason);
        };
    }

    /** Logging out of the console also ends the node session behind it, so its token dies at once. */
    private static LogoutHandler endNodeSession(NodeApi api) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof NodeSession session) {
                try {
                    api.logout(session);
                } catch (RuntimeException e) {
                    log.warn("could not end the node session of {} at logout", session.username(), e);
                }
            }
        };
    }
}
