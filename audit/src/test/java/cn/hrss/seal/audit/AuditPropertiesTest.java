package cn.hrss.seal.audit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Props.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditProperties.class)
    static class Props {
    }

    @Test
    void defaults() {
        runner.run(ctx -> {
            AuditProperties p = ctx.getBean(AuditProperties.class);
            assertThat(p.keyLabel()).isEqualTo("audit");
            assertThat(p.checkpointEvery()).isEqualTo(1000);
            assertThat(p.checkpointInterval()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void invalidValuesStopTheStart() {
        runner.withPropertyValues("seal.audit.checkpoint-every=0").run(ctx -> assertThat(ctx).hasFailed());
        runner.withPropertyValues("seal.audit.key-label= ").run(ctx -> assertThat(ctx).hasFailed());
        runner.withPropertyValues("seal.audit.checkpoint-interval=10ms").run(ctx -> assertThat(ctx).hasFailed());
    }
}
