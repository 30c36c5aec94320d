package cn.hrss.seal.ca.authority;

import cn.hrss.seal.ca.CaNodeProperties;
import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.core.device.CipherDevice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** The embedded CA: identities established at startup, issuing, and certificate download. */
@Configuration(proxyBeanMethods = false)
@Import(CaCertificateController.class)
public class CaAuthorityConfiguration {

    @Bean
    SerialNumbers caSerialNumbers(CipherDevice device) {
        return new SerialNumbers(device);
    }

    @Bean
    CertificateProfiles caCertificateProfiles(CaProperties properties) {
        return new CertificateProfiles(properties);
    }

    @Bean
    CertificateIssuer caCertificateIssuer(CipherDevice device, CertificateStore store, SerialNumbers serials,
                                          Clock clock, CaProperties properties) {
        return new CertificateIssuer(device, store, serials, clock, properties.publicBaseUrl());
    }

    @Bean
    CaIdentities caIdentities(CipherDevice device, CertificateStore store, CertificateIssuer issuer,
                              CertificateProfiles profiles, CaProperties properties, CaNodeProperties node,
                              Clock clock) {
        return new CaBootstrap(device, store, issuer, profiles, properties, node, clock).establish();
    }

    @Bean
    CertificateAuthority certificateAuthority(CaIdentities identities, CertificateIssuer issuer,
                                              CertificateProfiles profiles, CertificateStore store,
                                              ApplicationEventPublisher events, Clock clock) {
        return new EmbeddedCertificateAuthority(identities, issuer, profiles, store, events, clock);
    }
}
