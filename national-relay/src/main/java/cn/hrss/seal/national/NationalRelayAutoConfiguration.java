package cn.hrss.seal.national;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.Inbox;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.making.api.NationalSealCodes;
import cn.hrss.seal.making.api.SealMade;
import cn.hrss.seal.making.api.SigningSeals;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flow 3 on a node of the federation (one with the outbox): making nodes ask, relays pass on, the ministry hands to
 * the national platform. Off with {@code seal.national-relay.enabled=false}.
 */
@AutoConfiguration(afterName = {"cn.hrss.seal.making.SealMakingAutoConfiguration", "cn.hrss.seal.ca.CaAutoConfiguration",
        "cn.hrss.seal.federation.FederationAutoConfiguration",
        "cn.hrss.seal.servicemgmt.ServiceMgmtAutoConfiguration"})
@ConditionalOnProperty(prefix = "seal.national-relay", name = "enabled", matchIfMissing = true)
@ConditionalOnBean({Outbox.class, CertificateAuthority.class})
public class NationalRelayAutoConfiguration {

    @Bean
    NationalRelay nationalRelay(JdbcTemplate jdbc, ObjectProvider<NationalSealCodes> making,
                                ObjectProvider<SigningSeals> seals, Outbox outbox, Inbox inbox,
                                DestinationResolver destinations, ObjectProvider<RegisteredSystems> children,
                                @Value("${seal.region-code:100000}") String ownRegion, CipherDevice device,
                                CertificateAuthority ca, PlatformTransactionManager transactions,
                                ObjectProvider<Clock> clocks) {
        NationalRelay.Identity identity = new NationalRelay.Identity() {
            @Override
            public Sm2PublicKey encryptionKey() {
                return device.exportEncPublicKey(ca.nodeKey());
            }

            @Override
            public byte[] open(byte[] envelope) {
                return device.decrypt(ca.nodeKey(), envelope);
            }
        };
        return new NationalRelay(new CodeRequests(jdbc), Optional.ofNullable(making.getIfAvailable()),
                Optional.ofNullable(seals.getIfAvailable()), outbox, inbox, destinations,
                Optional.ofNullable(children.getIfAvailable()), ownRegion, identity,
                new TransactionTemplate(transactions), clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    NationalRelayEndpoints nationalRelayEndpoints(NationalRelay relay) {
        return new NationalRelayEndpoints(relay);
    }

    @Bean
    MadeSealListener nationalMadeSealListener(NationalRelay relay) {
        return new MadeSealListener(relay);
    }

    /** SealMade is published inside the making transaction: the request row and its outbox message join it. */
    static final class MadeSealListener {
        private final NationalRelay relay;

        MadeSealListener(NationalRelay relay) {
            this.relay = relay;
        }

        @EventListener
        void on(SealMade made) {
            relay.onSealMade(made);
        }
    }
}
