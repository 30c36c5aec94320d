package cn.hrss.seal.federation;

import cn.hrss.seal.core.message.InMemoryReplayGuard;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.ReplayGuard;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.federation.inbound.InboundConfiguration;
import cn.hrss.seal.federation.inbox.InboxConfiguration;
import cn.hrss.seal.federation.outbound.OutboundConfiguration;
import cn.hrss.seal.federation.outbox.OutboxConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * Federation for a node. The node supplies two beans: its {@link MessageSigner} (system key in the cipher device
 * and its system certificate) and its {@link TrustList}; a {@link ReplayGuard} and a {@link Clock} are optional
 * (the system clock otherwise).
 * The node must also let {@code /federation/**} through its bearer-token chain: the signature authenticates it.
 */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class)
@EnableConfigurationProperties(FederationProperties.class)
@Import({InboundConfiguration.class, OutboundConfiguration.class, OutboxConfiguration.class,
        InboxConfiguration.class})
public class FederationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReplayGuard federationReplayGuard(FederationProperties properties, ObjectProvider<Clock> clocks) {
        return new InMemoryReplayGuard(properties.replayCacheSize(), clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    MessageVerifier federationMessageVerifier(TrustList trustList, ReplayGuard replayGuard,
                                              FederationProperties properties, ObjectProvider<Clock> clocks) {
        return new MessageVerifier(trustList, replayGuard, MessageKind.KNOWN, properties.clockSkew(),
                clocks.getIfUnique(Clock::systemUTC));
    }
}
