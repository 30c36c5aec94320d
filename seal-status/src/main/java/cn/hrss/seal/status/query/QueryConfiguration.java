package cn.hrss.seal.status.query;

import cn.hrss.seal.status.SealStatusProperties;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.status.publish.StatusSigner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The public, signed status query endpoint. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class QueryConfiguration {

    @Bean
    StatusQueryController sealStatusQueryController(SealStatusService statuses, StatusSigner signer,
                                                    SealStatusProperties properties, ObjectProvider<Clock> clock) {
        // an answer is good until another node's cache may have caught up with a change
        return new StatusQueryController(statuses, signer, clock.getIfAvailable(Clock::systemUTC),
                properties.cache().timeToLive());
    }
}
