package cn.hrss.seal.node;

import cn.hrss.seal.accounts.api.PublicPaths;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.federation.FederationProperties;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.servicemgmt.ServiceMgmtProperties;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/**
 * What the federation modules need from the node: its system key and certificate to sign inter-node messages, and
 * {@code /federation/**} let through the bearer-token chain (the message signature authenticates those calls, the
 * federation filter checks it before the chain runs).
 */
@Configuration(proxyBeanMethods = false)
class FederationWiring {

    @Bean
    MessageSigner nodeMessageSigner(CipherDevice device, CertificateAuthority ca, ObjectProvider<Clock> clocks) {
        return MessageSigner.of(device, ca.nodeKey(), ca.nodeCertificate(), clocks.getIfUnique(Clock::systemUTC));
    }

    /** Replaces the federation module's configured-map resolver with {@link FederationDestinations}. */
    @Bean
    DestinationResolver federationDestinations(FederationProperties federation, ServiceMgmtProperties serviceMgmt,
                                               ObjectProvider<RegisteredSystems> registrations) {
        return new FederationDestinations(federation.destinations(),
                Optional.ofNullable(serviceMgmt.parent()).map(ServiceMgmtProperties.Parent::baseUrl),
                Optional.ofNullable(registrations.getIfAvailable()));
    }

    @Bean
    PublicPaths federationPaths() {
        return PublicPaths.of("federation", "/federation/**");
    }
}
