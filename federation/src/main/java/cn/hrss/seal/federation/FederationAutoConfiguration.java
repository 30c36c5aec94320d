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
import cn.hrss.seal.federation.replay.JdbcReplayGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.Objects;

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

    /**
     * {@code seal.federation.replay-guard}: {@code jdbc} (shared by every instance on the node's database; the
     * default when the node has one) or {@code memory} (one instance only, bounded, fails closed when full).
     */
    @Bean
    @ConditionalOnMissingBean
    ReplayGuard federationReplayGuard(FederationProperties properties, ObjectProvider<JdbcTemplate> jdbc,
                                      ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfUnique(Clock::systemUTC);
        JdbcTemplate database = jdbc.getIfUnique();
        return switch (properties.replayGuard()) {
            case JDBC -> new JdbcReplayGuard(Objects.requireNonNull(database,
                    "seal.federation.replay-guard=jdbc needs the node's DataSource"), clock, 1000);
            case MEMORY -> new InMemoryReplayGuard(properties.replayCacheSize(), clock);
            case AUTO -> database != null ? new JdbcReplayGuard(database, clock, 1000)
                    : new InMemoryReplayGuard(properties.replayCacheSize(), clock);
        };
    }

    @Bean
    MessageVerifier federationMessageVerifier(TrustList trustList, ReplayGuard replayGuard,
                                              FederationProperties properties, ObjectProvider<Clock> clocks) {
        return new MessageVerifier(trustList, replayGuard, MessageKind.KNOWN, properties.clockSkew(),
                clocks.getIfUnique(Clock::systemUTC));
    }
}
