package cn.hrss.seal.ca.est;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * An external CA reached over EST ({@code seal.ca.external.est.*}); the client bean exists only when
 * {@code base-url} is set.
 *
 * @param baseUrl  scheme, host and port (and path prefix, if any) in front of {@code /.well-known/est}
 * @param username enrolment credential (HTTP Basic)
 * @param password enrolment credential
 * @param timeout  connect and request timeout
 */
@ConfigurationProperties("seal.ca.external.est")
@Validated
public record EstClientProperties(@NotNull URI baseUrl, @NotBlank String username, @NotBlank String password,
                                  @DefaultValue("PT30S") @NotNull Duration timeout) {
    @Override
    public String toString() {
        return "EstClientProperties[baseUrl=" + baseUrl + ", username=" + username + ", password=***, timeout="
                + timeout + "]";
    }
}
