package cn.hrss.seal.accounts;

import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.accounts.api.PublicPaths;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The accounts module alone on auto-configuration, with a hand-driven clock and a stand-in for another module that
 * serves one public and one protected endpoint.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AccountsTestApplication.ProbeModule.class)
class AccountsTestApplication {

    @RestController
    static class ProbeModule {
        @Bean
        static PublicPaths probePublicPaths() {
            return PublicPaths.of("probe", "/probe/public/**");
        }

        @GetMapping("/probe/public/ping")
        String publicPing() {
            return "pong";
        }

        @GetMapping("/probe/private/ping")
        String privatePing() {
            return "pong";
        }
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    }
}
