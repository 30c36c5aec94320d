package cn.hrss.seal.accounts;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Instant;

/** The accounts module alone on auto-configuration, with a hand-driven clock. */
@SpringBootConfiguration
@EnableAutoConfiguration
class AccountsTestApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    }
}
