package cn.hrss.seal.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code seal.accounts.*}.
 *
 * @param bootstrapAdmin {@code username:password} of the first system administrator, used only while no user
 *                       exists (the node maps the environment variable {@code SEAL_BOOTSTRAP_ADMIN} here)
 */
@Validated
@ConfigurationProperties("seal.accounts")
public record AccountsProperties(
        String bootstrapAdmin,
        @Valid @NotNull @DefaultValue Lockout lockout,
        @Valid @NotNull @DefaultValue Session session) {

    /**
     * @param maxFailures consecutive failed logins that lock an account
     * @param duration    how long it stays locked (a system administrator can unlock it earlier)
     */
    public record Lockout(@Min(1) @Max(100) @DefaultValue("5") int maxFailures,
                          @NotNull @DefaultValue("15m") Duration duration) {
    }

    /**
     * @param idleTimeout a token unused this long expires (sliding)
     * @param maxLifetime a token expires this long after login however much it is used
     */
    public record Session(@NotNull @DefaultValue("30m") Duration idleTimeout,
                          @NotNull @DefaultValue("12h") Duration maxLifetime) {
    }

    @Override
    public String toString() {
        return "AccountsProperties[bootstrapAdmin=" + (bootstrapAdmin == null ? "unset" : "***")
                + ", lockout=" + lockout + ", session=" + session + "]";
    }
}
