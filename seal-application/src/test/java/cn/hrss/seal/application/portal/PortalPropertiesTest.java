package cn.hrss.seal.application.portal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code seal.application.portal.*}: default, binding, refusal of nonsense, and the limit as people read it. */
class PortalPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withConfiguration(UserConfigurations.of(PortalConfiguration.class));

    @Test
    void defaultIsTwentyMegabytesAndASizeBinds() {
        runner.run(context -> assertThat(context.getBean(PortalProperties.class).maxUploadSize())
                .isEqualTo(DataSize.ofMegabytes(20)));
        runner.withPropertyValues("seal.application.portal.max-upload-size=5MB").run(context ->
                assertThat(context.getBean(PortalProperties.class).maxUploadSizeText()).isEqualTo("5 MB"));
    }

    @Test
    void zeroOrNegativeLimitStopsStartUp() {
        runner.withPropertyValues("seal.application.portal.max-upload-size=0").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("max-upload-size"));
        assertThatThrownBy(() -> new PortalProperties(DataSize.ofBytes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitTextForPeople() {
        assertThat(new PortalProperties(DataSize.ofKilobytes(300)).maxUploadSizeText()).isEqualTo("300 KB");
        assertThat(new PortalProperties(DataSize.ofBytes(1500)).maxUploadSizeText()).isEqualTo("1500 B");
    }
}
