package cn.hrss.seal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

/** Bad configuration stops the gateway at start-up instead of running with surprising limits. */
class GatewayPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Enable.class)
            .withPropertyValues(
                    "seal.gateway.portal.max-request-size=20MB", "seal.gateway.portal.burst=600",
                    "seal.gateway.portal.period=1m",
                    "seal.gateway.business.max-request-size=50MB", "seal.gateway.business.burst=300",
                    "seal.gateway.business.period=1m",
                    "seal.gateway.federation.max-request-size=1MB", "seal.gateway.federation.burst=600",
                    "seal.gateway.federation.period=1m",
                    "seal.gateway.health.max-request-size=1MB", "seal.gateway.health.burst=60",
                    "seal.gateway.health.period=1m");

    @Test
    void bindsAValidConfiguration() {
        runner.withPropertyValues("seal.gateway.node-uri=http://127.0.0.1:8080").run(context -> {
            GatewayProperties properties = context.getBean(GatewayProperties.class);
            assertThat(properties.limits(RouteGroup.PORTAL).maxRequestSize().toMegabytes()).isEqualTo(20);
            assertThat(properties.plainHttp().enabled()).isFalse();
            assertThat(properties.plainHttp().address()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void refusesMissingOrRelativeNodeUriZeroBurstAndZeroPeriod() {
        runner.run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("seal.gateway.node-uri=/relative").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("seal.gateway.node-uri=ftp://node").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("seal.gateway.node-uri=http://127.0.0.1:8080", "seal.gateway.portal.burst=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("seal.gateway.node-uri=http://127.0.0.1:8080", "seal.gateway.business.period=0s")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("seal.gateway.node-uri=http://127.0.0.1:8080",
                "seal.gateway.plain-http.port=70000").run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class Enable {
    }
}
