package cn.hrss.seal.accounts.security;

import cn.hrss.seal.accounts.api.PublicPaths;
import cn.hrss.seal.accounts.session.BearerTokenFilter;
import cn.hrss.seal.accounts.session.Sessions;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.util.List;

/**
 * The node's HTTP security: stateless bearer tokens, public paths from every module's {@link PublicPaths} bean,
 * authentication for everything else, and {@code @PreAuthorize} for per-endpoint roles. A module that needs a
 * different scheme on its own paths (e.g. client certificates on EST) declares its own {@code SecurityFilterChain}
 * with a {@code securityMatcher} and an order before {@link #ORDER}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ApiSecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    /** Order of the catch-all chain; module chains with a narrower matcher go before it. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /** Paths the node serves without a token, whichever modules are present. */
    @Bean
    PublicPaths nodePublicPaths() {
        return PublicPaths.of("node", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error",
                "/ca/**", "/.well-known/est/**", "/verify/**",
                "/api/v1/auth/login", "/api/v1/auth/client-token", "/api/v1/seal-status/**");
    }

    /** Malformed paths rejected by Spring Security's firewall get the contract's error body, not a bare 400. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new ApiErrorWriter(json);
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain sealApiSecurity(HttpSecurity http, Sessions sessions, ObjectProvider<PublicPaths> publicPaths,
                                        ObjectMapper json) throws Exception {
        List<String> permitted = publicPaths.orderedStream().flatMap(p -> p.patterns().stream()).distinct().toList();
        log.info("public paths (no token needed): {}", permitted);
        ApiErrorWriter errors = new ApiErrorWriter(json);
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new BearerTokenFilter(sessions), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(permitted.toArray(String[]::new)).permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }
}
