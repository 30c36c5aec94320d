package cn.hrss.seal.accounts.user;

import cn.hrss.seal.accounts.AccountsProperties;
import cn.hrss.seal.accounts.persistence.UserMapper;
import cn.hrss.seal.accounts.persistence.UserRoleMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** Wires the user feature; imported by the accounts auto-configuration. */
@Configuration(proxyBeanMethods = false)
@Import(UserController.class)
public class UsersConfiguration {

    @Bean
    UserAccounts userAccounts(UserMapper users, UserRoleMapper roles, PasswordEncoder encoder,
                              AccountsProperties properties, ApplicationEventPublisher events, Clock clock) {
        return new UserAccounts(users, roles, encoder, properties, events, clock);
    }
}
