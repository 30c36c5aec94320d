package cn.hrss.seal.accounts.session;

import cn.hrss.seal.accounts.AccountsProperties;
import cn.hrss.seal.accounts.persistence.SessionMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** Wires the session feature; imported by the accounts auto-configuration. */
@Configuration(proxyBeanMethods = false)
@Import(AuthController.class)
public class SessionsConfiguration {

    @Bean
    Sessions sessions(SessionMapper sessions, AccountsProperties properties, Clock clock) {
        return new Sessions(sessions, properties, clock);
    }
}
