package cn.hrss.seal.making.testing;

import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.making.adapter.AuditTrailLog;
import cn.hrss.seal.making.adapter.CaSealCertificates;
import cn.hrss.seal.making.adapter.StatusServicePublisher;
import cn.hrss.seal.status.api.SealStatusService;
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
 * The test node: seal making with the real CA, seal status, audit trail and seal-core adapters, a soft cipher
 * device, a clock tests can move, and a security chain like the node's (authenticated API, method security).
 * Two ports are wrapped to observe or steer them: CA issuing can be made to fail once, audit entries are copied.
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
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }

    @Bean
    FailingSealCertificates sealCertificates(CertificateAuthority ca) {
        return new FailingSealCertificates(new CaSealCertificates(ca, "test seal making system"));
    }

    @Bean
    StatusServicePublisher sealStatusPublisher(SealStatusService status) {
        return new StatusServicePublisher(status);
    }

    @Bean
    RecordingAuditLog auditLog(AuditTrail trail) {
        return new RecordingAuditLog(new AuditTrailLog(trail));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
