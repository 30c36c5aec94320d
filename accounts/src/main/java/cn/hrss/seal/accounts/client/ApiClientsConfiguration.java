package cn.hrss.seal.accounts.client;

import cn.hrss.seal.accounts.persistence.ApiClientMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** Wires the API client feature; imported by the accounts auto-configuration. */
@Configuration(proxyBeanMethods = false)
@Import(ApiClientController.class)
public class ApiClientsConfiguration {

    @Bean
    ApiClients apiClients(ApiClientMapper clients, ApplicationEventPublisher events, Clock clock) {
        return new ApiClients(clients, events, clock);
    }
}
