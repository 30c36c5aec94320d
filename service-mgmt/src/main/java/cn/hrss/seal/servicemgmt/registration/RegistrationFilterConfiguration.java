package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.core.message.ReplayGuard;
import cn.hrss.seal.servicemgmt.ServiceMgmtProperties;
import cn.hrss.seal.servicemgmt.trustlist.TrustListPublisher;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the bootstrap endpoints ahead of the federation filter (order -110). */
@Configuration(proxyBeanMethods = false)
class RegistrationFilterConfiguration {
    static final int FILTER_ORDER = -120;

    @Bean
    FilterRegistrationBean<RegistrationFederationFilter> serviceMgmtRegistrationFilter(
            RegistrationService registrations, TrustListPublisher trustList, MessageSigner signer,
            ReplayGuard replayGuard, MessageVerifier verifier, ObjectMapper json, Clock clock,
            ServiceMgmtProperties properties, AccessTestReportCheck accessTests) {
        FilterRegistrationBean<RegistrationFederationFilter> registration = new FilterRegistrationBean<>(
                new RegistrationFederationFilter(registrations, trustList, signer, replayGuard, verifier, json,
                        clock, properties.maxApplySize(), accessTests));
        registration.addUrlPatterns("/federation/registrations", "/federation/registrations/*",
                "/federation/trust-list");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
