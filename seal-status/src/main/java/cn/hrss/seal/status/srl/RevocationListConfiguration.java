package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.SealStatusProperties;
import cn.hrss.seal.status.persistence.RevocationListMapper;
import cn.hrss.seal.status.persistence.SealStatusMapper;
import cn.hrss.seal.status.publish.StatusSigner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Seal revocation list publishing: the publisher, its schedule and the public download. */
@Configuration(proxyBeanMethods = false)
public class RevocationListConfiguration {

    @Bean
    RevocationListPublisher sealRevocationListPublisher(SealStatusMapper seals, RevocationListMapper lists,
                                                        StatusSigner signer, PlatformTransactionManager transactions,
                                                        SealStatusProperties properties, ObjectProvider<Clock> clock) {
        SealStatusProperties.Srl srl = properties.srl();
        return new RevocationListPublisher(seals, lists, signer, new TransactionTemplate(transactions),
                clock.getIfAvailable(Clock::systemUTC),
                properties.issuer(), srl.validity(), srl.checkInterval(), srl.retained());
    }

    @Bean
    RevocationListScheduler sealRevocationListScheduler(RevocationListPublisher publisher,
                                                        SealStatusProperties properties) {
        return new RevocationListScheduler(publisher, properties.srl().checkInterval(), properties.srl().debounce());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    RevocationListController sealRevocationListController(RevocationListPublisher publisher) {
        return new RevocationListController(publisher);
    }
}
