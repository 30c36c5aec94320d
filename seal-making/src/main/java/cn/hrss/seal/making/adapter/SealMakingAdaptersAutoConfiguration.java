package cn.hrss.seal.making.adapter;

import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.picture.PictureCheck;
import cn.hrss.seal.core.picture.SealPictureRenderer;
import cn.hrss.seal.core.pii.PersonalDataProtector;
import cn.hrss.seal.making.SealMakingProperties;
import cn.hrss.seal.making.port.AuditLog;
import cn.hrss.seal.making.port.IdentifierRules;
import cn.hrss.seal.making.port.MakerIdentity;
import cn.hrss.seal.making.port.PersonalData;
import cn.hrss.seal.making.port.SealCertificates;
import cn.hrss.seal.making.port.SealEncoder;
import cn.hrss.seal.making.port.SealPictures;
import cn.hrss.seal.making.port.SealStatusPublisher;
import cn.hrss.seal.status.api.SealStatusService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires seal making's ports to the real modules when they are on the classpath and no other bean implements the
 * port. seal-core's parts (GB/T 38540, identity, personal data, pictures) are always there; CA, seal status and
 * audit trail are optional dependencies the node brings.
 */
@AutoConfiguration(afterName = {"cn.hrss.seal.ca.CaAutoConfiguration",
        "cn.hrss.seal.status.SealStatusAutoConfiguration", "cn.hrss.seal.audit.AuditAutoConfiguration"})
@ConditionalOnProperty(prefix = "seal.making", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SealMakingProperties.class)
public class SealMakingAdaptersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SealEncoder sealMakingEncoder() {
        return new Gbt38540SealEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    IdentifierRules sealMakingIdentifierRules() {
        return new CoreIdentifierRules();
    }

    @Bean
    @ConditionalOnMissingBean
    SealPictures sealMakingPictures() {
        return new CoreSealPictures(SealPictureRenderer.withDefaults(), PictureCheck.withDefaults());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CipherDevice.class)
    PersonalData sealMakingPersonalData(CipherDevice device) {
        return new CorePersonalData(PersonalDataProtector.forLabel(device, PersonalDataProtector.DEFAULT_KEK_LABEL));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CertificateAuthority.class)
    @ConditionalOnBean(CertificateAuthority.class)
    static class CaAdapters {

        @Bean
        @ConditionalOnMissingBean
        SealCertificates sealMakingCertificates(CertificateAuthority ca, SealMakingProperties properties) {
            return new CaSealCertificates(ca, properties.systemName());
        }

        @Bean
        @ConditionalOnMissingBean
        MakerIdentity sealMakingMaker(CertificateAuthority ca) {
            return new CaMakerIdentity(ca);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SealStatusService.class)
    @ConditionalOnBean(SealStatusService.class)
    static class StatusAdapter {

        @Bean
        @ConditionalOnMissingBean
        SealStatusPublisher sealMakingStatusPublisher(SealStatusService status) {
            return new StatusServicePublisher(status);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AuditTrail.class)
    @ConditionalOnBean(AuditTrail.class)
    static class AuditAdapter {

        @Bean
        @ConditionalOnMissingBean
        AuditLog sealMakingAuditLog(AuditTrail trail) {
            return new AuditTrailLog(trail);
        }
    }
}
