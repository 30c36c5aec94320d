package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.federation.FederationProperties;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.Outbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;

/** The outbox, its dispatcher and (unless disabled) the dispatch schedule. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    Outbox federationOutbox(DataSource dataSource, DestinationResolver destinations, ObjectProvider<Clock> clocks,
                            FederationProperties properties) {
        return new JdbcOutbox(JdbcClient.create(dataSource), destinations, clocks.getIfUnique(Clock::systemUTC),
                properties.maxBodySize().toBytes());
    }

    /** {@code seal_federation_outbox_pending} and the age of the oldest waiting message, for Prometheus. */
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder federationOutboxMetrics(DataSource dataSource,
                                                                             ObjectProvider<Clock> clocks) {
        OutboxStore store = new OutboxStore(JdbcClient.create(dataSource));
        Clock clock = clocks.getIfUnique(Clock::systemUTC);
        return registry -> {
            io.micrometer.core.instrument.Gauge.builder("seal.federation.outbox.pending",
                            () -> store.summary().stream().mapToLong(OutboxStore.DestinationSummary::pending).sum())
                    .description("messages to other nodes not delivered yet").register(registry);
            io.micrometer.core.instrument.Gauge.builder("seal.federation.outbox.oldest.pending.age",
                            () -> store.summary().stream().map(OutboxStore.DestinationSummary::oldestPending)
                                    .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder())
                                    .map(t -> java.time.Duration.between(t, clock.instant()).toMillis() / 1000.0)
                                    .orElse(0.0))
                    .baseUnit("seconds").description("how long the oldest undelivered message has waited")
                    .register(registry);
        };
    }

    @Bean
    OutboxController federationOutboxController(DataSource dataSource) {
        return new OutboxController(new OutboxStore(JdbcClient.create(dataSource)));
    }

    @Bean
    OutboxDispatcher federationOutboxDispatcher(DataSource dataSource, FederationClient client,
                                                ObjectProvider<Clock> clocks, FederationProperties properties) {
        FederationProperties.Outbox o = properties.outbox();
        SecureRandom random = new SecureRandom();
        return new OutboxDispatcher(new OutboxStore(JdbcClient.create(dataSource)), client,
                new Backoff(o.initialBackoff(), o.maxBackoff(), o.jitter(), random::nextDouble),
                clocks.getIfUnique(Clock::systemUTC),
                o.batchSize());
    }

    @Bean
    @ConditionalOnProperty(name = "seal.federation.outbox.dispatcher-enabled", matchIfMissing = true)
    ScheduledDispatch federationScheduledDispatch(OutboxDispatcher dispatcher, FederationProperties properties) {
        return new ScheduledDispatch(dispatcher, properties.outbox().pollInterval());
    }
}
