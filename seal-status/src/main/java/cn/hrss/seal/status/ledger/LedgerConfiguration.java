package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.SealStatusProperties;
import cn.hrss.seal.status.persistence.SealStatusMapper;
import cn.hrss.seal.status.persistence.StatusHistoryMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The status ledger ({@link cn.hrss.seal.status.api.SealStatusService}), its cache and the expiry job. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean(destroyMethod = "close")
    StatusCache sealStatusCache(SealStatusMapper seals, SealStatusProperties properties) {
        return new StatusCache(seals, properties.cache().timeToLive(), properties.cache().maxEntries());
    }

    @Bean
    StatusLedger sealStatusService(SealStatusMapper seals, StatusHistoryMapper history,
                                   PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
                                   StatusCache cache, ObjectProvider<Clock> clock) {
        return new StatusLedger(seals, history, new TransactionTemplate(transactionManager), events, cache,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ExpiryJob sealStatusExpiryJob(SealStatusMapper seals, StatusLedger ledger, SealStatusProperties properties,
                                  ObjectProvider<Clock> clock) {
        return new ExpiryJob(seals, ledger, clock.getIfAvailable(Clock::systemUTC),
                properties.expiry().interval(), properties.expiry().batchSize());
    }
}
