package cn.hrss.seal.console;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code seal.console.*}.
 *
 * @param enabled        serve the console under {@code /console}
 * @param apiUrl         where the console reaches the node's contract API; unset means this node's own HTTP port on
 *                       the loopback interface (set it when the connector is TLS-only or bound elsewhere)
 * @param sessionTimeout a console session unused this long ends; the accounts API token slides alike
 */
@Validated
@ConfigurationProperties("seal.console")
public record ConsoleProperties(
        @DefaultValue("true") boolean enabled,
        URI apiUrl,
        @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 12) @DefaultValue("30m") Duration sessionTimeout) {
}
