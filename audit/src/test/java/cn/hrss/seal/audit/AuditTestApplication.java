package cn.hrss.seal.audit;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The smallest application around the audit auto-configuration: a soft cipher device (the node provides the real
 * one) and a security chain standing in for the accounts module's.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSecurity
@EnableMethodSecurity
public class AuditTestApplication {

    @Bean(destroyMethod = "close")
    CipherDevice cipherDevice() {
        try {
            Path dir = Files.createTempDirectory("audit-test-device");
            dir.toFile().deleteOnExit();
            byte[] master = new byte[16];
            new SecureRandom().nextBytes(master);
            return new SoftCipherDevice(dir.resolve("keys.sealed"), master, "test-password".toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    SecurityFilterChain testSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> { })
                .csrf(c -> c.disable())
                .build();
    }
}
