package cn.hrss.seal.accounts;

import cn.hrss.seal.accounts.bootstrap.BootstrapAdmin;
import cn.hrss.seal.accounts.client.ApiClientsConfiguration;
import cn.hrss.seal.accounts.security.ApiSecurityConfiguration;
import cn.hrss.seal.accounts.session.SessionsConfiguration;
import cn.hrss.seal.accounts.user.UserAccounts;
import cn.hrss.seal.accounts.user.UsersConfiguration;
import cn.hrss.seal.web.SealWebAutoConfiguration;
import com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/**
 * Accounts, sessions and the node's HTTP security chain. Mapper scanning is limited to this module's
 * {@code persistence} package, so every module's auto-configuration scans its own and they compose.
 */
// before MyBatis-Plus, so its fallback mapper scanner sees our @MapperScan and backs off
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        MybatisPlusAutoConfiguration.class}, after = SealWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccountsProperties.class)
@MapperScan("cn.hrss.seal.accounts.persistence")
@Import({UsersConfiguration.class, SessionsConfiguration.class, ApiClientsConfiguration.class,
        ApiSecurityConfiguration.class})
public class AccountsAutoConfiguration {

    /**
     * Spring Security's delegating encoder: bcrypt today, and every hash carries its algorithm id ({@code {bcrypt}})
     * so a stronger KDF can be introduced later while old hashes keep verifying.
     */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Requests authenticate with bearer tokens only. Declaring this keeps Spring Boot from creating its in-memory
     * user with a generated password: the node has no built-in accounts besides the bootstrap administrator.
     */
    @Bean
    @ConditionalOnMissingBean
    AuthenticationManager bearerTokensOnly() {
        return authentication -> {
            throw new ProviderNotFoundException("accounts authenticate with bearer tokens only");
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BootstrapAdmin bootstrapAdmin(UserAccounts accounts, AccountsProperties properties) {
        return new BootstrapAdmin(accounts, properties.bootstrapAdmin());
    }
}
