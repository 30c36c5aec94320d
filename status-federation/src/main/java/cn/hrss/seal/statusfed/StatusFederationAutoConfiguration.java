package cn.hrss.seal.statusfed;

import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.Inbox;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import cn.hrss.seal.status.api.SealStatusChanged;
import cn.hrss.seal.status.api.SealStatusService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Status federation on a node that runs the status subsystem and the federation: the federated
 * {@link SealStatusService} (primary), the two endpoints and the upward sync of the ledger's changes.
 * Off with {@code seal.status.federation.enabled=false} (or with the status subsystem).
 */
@AutoConfiguration(afterName = {"cn.hrss.seal.status.SealStatusAutoConfiguration",
        "cn.hrss.seal.federation.FederationAutoConfiguration",
        "cn.hrss.seal.servicemgmt.ServiceMgmtAutoConfiguration"})
@ConditionalOnProperty(name = {"seal.status.enabled", "seal.status.federation.enabled"}, matchIfMissing = true)
@EnableConfigurationProperties(StatusFederationProperties.class)
public class StatusFederationAutoConfiguration {

    @Bean
    StatusFederation statusFederation(@Qualifier("sealStatusService") SealStatusService ledger, JdbcTemplate jdbc,
                                      Outbox outbox, Inbox inbox, FederationClient client,
                                      DestinationResolver destinations, ObjectProvider<RegisteredSystems> children,
                                      PlatformTransactionManager transactions, StatusFederationProperties properties,
                                      ObjectProvider<Clock> clocks) {
        return new StatusFederation(ledger, new HeldSeals(jdbc), outbox, inbox, client, destinations,
                Optional.ofNullable(children.getIfAvailable()), new TransactionTemplate(transactions),
                properties.cacheTtl(), clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @Primary
    SealStatusService federatedSealStatus(@Qualifier("sealStatusService") SealStatusService ledger,
                                          StatusFederation federation, ObjectProvider<Clock> clocks) {
        return new FederatedSealStatus(ledger, federation, clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    StatusFederationEndpoints statusFederationEndpoints(StatusFederation federation) {
        return new StatusFederationEndpoints(federation);
    }

    @Bean
    UpwardSync statusUpwardSync(StatusFederation federation) {
        return new UpwardSync(federation);
    }

    /** The ledger publishes its changes inside its transaction: the outbox row joins it. */
    static final class UpwardSync {
        private final StatusFederation federation;

        UpwardSync(StatusFederation federation) {
            this.federation = federation;
        }

        @EventListener
        void on(SealStatusChanged changed) {
            federation.localChange(changed);
        }
    }
}
