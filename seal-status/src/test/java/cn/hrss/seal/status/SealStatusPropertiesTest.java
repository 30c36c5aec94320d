package cn.hrss.seal.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SealStatusPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SealStatusProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            SealStatusProperties p = context.getBean(SealStatusProperties.class);
            assertThat(p.signer().keyLabel()).isEqualTo("node-system");
            assertThat(p.signer().generateIfMissing()).isFalse();
            assertThat(p.cache().timeToLive()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.srl().validity()).isEqualTo(Duration.ofHours(1));
            assertThat(p.srl().debounce()).isEqualTo(Duration.ofSeconds(1));
            assertThat(p.expiry().interval()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void inconsistentSettingsStopTheStart() {
        runner.withPropertyValues("seal.status.srl.check-interval=PT2H").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("checkInterval"));
        runner.withPropertyValues("seal.status.cache.time-to-live=PT0S").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("timeToLive"));
        runner.withPropertyValues("seal.status.signer.key-label= ").run(context ->
                assertThat(context).hasFailed());
    }
}
