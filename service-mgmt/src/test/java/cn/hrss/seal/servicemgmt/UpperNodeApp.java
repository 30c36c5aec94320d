package cn.hrss.seal.servicemgmt;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** The upper node for tests: CA, federation, service management, a soft device and basic-auth admins. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
class UpperNodeApp {
    static final String PASSWORD = "test-password";

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() {
        return cipherDeviceUnchecked();
    }

    /** A fresh soft device in a temp directory (also the lower system's device in tests). */
    static SoftCipherDevice cipherDeviceUnchecked() {
        Path dir;
        try {
            dir = Files.createTempDirectory("service-mgmt-device");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        return new SoftCipherDevice(dir.resolve("keys.sealed"), master, "device-password".toCharArray());
    }

    @Bean
    MutableClock clock() {
        return MutableClock.ofSystem();
    }

    @Bean
    MessageSigner messageSigner(CipherDevice device, CertificateAuthority ca, MutableClock clock) {
        return MessageSigner.of(device, ca.nodeKey(), ca.nodeCertificate(), clock);
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("admin").password("{noop}" + PASSWORD).roles("SYSTEM_ADMIN").build(),
                User.withUsername("operator").password("{noop}" + PASSWORD).roles("SEAL_OPERATOR").build());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.requestMatchers("/federation/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
