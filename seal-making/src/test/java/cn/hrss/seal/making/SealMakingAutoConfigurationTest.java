package cn.hrss.seal.making;

import cn.hrss.seal.making.adapter.SealMakingAdaptersAutoConfiguration;
import cn.hrss.seal.making.lifecycle.ExpiryJob;
import cn.hrss.seal.making.port.SealEncoder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A node that does not run the making subsystem switches it off with one property. */
class SealMakingAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(SealMakingAutoConfiguration.class, SealMakingAdaptersAutoConfiguration.class));

    @Test
    void disabledMakingRegistersNothing() {
        runner.withPropertyValues("seal.making.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ExpiryJob.class);
            assertThat(context).doesNotHaveBean(SealEncoder.class);
            assertThat(context).doesNotHaveBean(SealMakingProperties.class);
        });
    }

    @Test
    void invalidConfigurationFailsAtStartUp() {
        runner.withPropertyValues("seal.making.es-id.maker-code=1A").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("makerCode");
        });
    }
}
