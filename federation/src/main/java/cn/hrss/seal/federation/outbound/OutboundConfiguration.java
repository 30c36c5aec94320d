package cn.hrss.seal.federation.outbound;

import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.federation.FederationProperties;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.util.Optional;

/** The signing client and the default destination lookup from configuration. */
@Configuration(proxyBeanMethods = false)
public class OutboundConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DestinationResolver federationDestinations(FederationProperties properties) {
        return destination -> Optional.ofNullable(properties.destinations().get(destination));
    }

    @Bean
    FederationClient federationClient(MessageSigner signer, MessageVerifier verifier,
                                      DestinationResolver destinations, FederationProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // Responses may be of any kind this codebase defines (receipts, errors, answers of synchronous calls).
        return new SigningFederationClient(http, signer, verifier.accepting(MessageKind.KNOWN), destinations,
                properties.http().requestTimeout(), properties.maxBodySize().toBytes());
    }
}
