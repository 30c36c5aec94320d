package cn.hrss.seal.statusfed;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code seal.status.federation.*}.
 *
 * @param enabled  off: the node answers only for its own seals and sends nothing up
 * @param cacheTtl how long an answer from above is used before the parent is asked again (pushed changes refresh it)
 */
@Validated
@ConfigurationProperties("seal.status.federation")
record StatusFederationProperties(@DefaultValue("true") boolean enabled,
                                  @NotNull @DefaultValue("PT5M") Duration cacheTtl) {
    StatusFederationProperties {
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("seal.status.federation.cache-ttl must not be negative");
        }
    }
}
