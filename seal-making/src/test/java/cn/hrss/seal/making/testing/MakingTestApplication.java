package cn.hrss.seal.making.testing;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.making.port.MakerIdentity;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Instant;

/**
 * The test node: seal making's auto-configuration with simple real implementations of its ports, a soft cipher
 * device and a security chain like the node's (authenticated API, method security on).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
public class MakingTestApplication {

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() {
        return TestDevice.create();
    }

    @Bean
    TestCa testCa(CipherDevice device) {
        return new TestCa(device);
    }

    @Bean
    MakerIdentity makerIdentity(CipherDevice device, TestCa ca) {
        KeyRef key = device.generateKeyPair("making-system");
        byte[] certificate = ca.issueSystemCertificate(key, "Test seal making system");
        return new MakerIdentity() {
            @Override
            public KeyRef key() {
                return key;
            }

            @Override
            public byte[] certificate() {
                return certificate.clone();
            }
        };
    }

    @Bean
    TestSesEncoder sealEncoder() {
        return new TestSesEncoder();
    }

    @Bean
    InMemorySealStatus sealStatus() {
        return new InMemorySealStatus();
    }

    @Bean
    RecordingAuditLog auditLog() {
        return new RecordingAuditLog();
    }

    @Bean
    ChecksumIdentifierRules identifierRules() {
        return new ChecksumIdentifierRules();
    }

    @Bean
    DevicePersonalData personalData(CipherDevice device) {
        return new DevicePersonalData(device);
    }

    @Bean
    TestSealPictures sealPictures() {
        return new TestSealPictures();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
