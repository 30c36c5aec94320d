package cn.hrss.seal.application.verification;

import cn.hrss.seal.accounts.api.PublicPaths;
import cn.hrss.seal.application.online.CrlRevocationSource;
import cn.hrss.seal.application.online.OcspRevocationSource;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.status.api.SealStatusService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/** Verification on the node: the {@link DocumentVerification} service and its public HTTP endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
public class VerificationConfiguration {


    /** Anyone may verify a document: citizens, relying parties, the portal. */
    @Bean
    PublicPaths verificationPublicPaths() {
        return PublicPaths.of("seal-application verification", VerificationController.PATH);
    }

    @Bean
    DocumentVerification documentVerification(CertificateAuthority ca, SealStatusService statuses,
                                              VerificationProperties properties, ObjectProvider<Clock> clockProvider) {
        Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
        return new NodeDocumentVerification(ca, TrustedRoots.of(properties.trustedRoots()),
                new NodeRevocationSource(ca, CrlRevocationSource.orElse(
                        new OcspRevocationSource(Optional.empty(), properties.onlineTimeout(), clock),
                        new CrlRevocationSource(Optional.empty(), properties.onlineTimeout(), clock))),
                new LedgerSealStatusSource(statuses, clock), clock, properties.maxDocumentSize().toBytes());
    }
}
