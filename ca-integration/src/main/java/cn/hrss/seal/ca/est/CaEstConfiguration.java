package cn.hrss.seal.ca.est;

import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.ExternalCaClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.net.http.HttpClient;

/** EST server of the embedded CA, and the EST client for an external CA when one is configured. */
@Configuration(proxyBeanMethods = false)
@Import(EstServerController.class)
public class CaEstConfiguration {

    @Bean
    EstEnrolment caEstEnrolment(CertificateAuthority authority, CaProperties properties) {
        return new EstEnrolment(authority, properties.organisation());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "seal.ca.external.est", name = "base-url")
    @EnableConfigurationProperties(EstClientProperties.class)
    static class Client {
        @Bean
        @ConditionalOnMissingBean(ExternalCaClient.class)
        ExternalCaClient estExternalCaClient(EstClientProperties properties) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            return new EstClient(http, properties);
        }
    }
}
