package cn.hrss.seal.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway needs besides Spring's own {@code server.*} (port, TLS key store).
 *
 * @param nodeUri    the seal node behind the gateway, e.g. {@code http://127.0.0.1:8080}
 * @param plainHttp  optional second, unencrypted listener for local use
 * @param hstsMaxAge {@code Strict-Transport-Security} max-age on TLS responses
 * @param maxClients how many rate-limit buckets are kept before idle ones are dropped
 * @param portal     public portal and public verification, status and CA publication
 * @param business   business API and console
 * @param federation inter-node signed messages
 * @param health     the node's health endpoint
 */
@Validated
@ConfigurationProperties("seal.gateway")
public record GatewayProperties(
        @NotNull URI nodeUri,
        @Valid @NotNull @DefaultValue PlainHttp plainHttp,
        @NotNull @DefaultValue("365d") Duration hstsMaxAge,
        @Min(100) @DefaultValue("100000") int maxClients,
        @Valid @NotNull Limits portal,
        @Valid @NotNull Limits business,
        @Valid @NotNull Limits federation,
        @Valid @NotNull Limits health) {

    public GatewayProperties {
        if (nodeUri != null && (nodeUri.getHost() == null
                || !("http".equals(nodeUri.getScheme()) || "https".equals(nodeUri.getScheme())))) {
            throw new IllegalArgumentException("seal.gateway.node-uri must be an absolute http(s) URI: " + nodeUri);
        }
    }

    Limits limits(RouteGroup group) {
        return switch (group) {
            case PORTAL -> portal;
            case BUSINESS -> business;
            case FEDERATION -> federation;
            case HEALTH -> health;
        };
    }

    /**
     * @param port    0 = no plain listener
     * @param address the interface it binds; loopback by default because it carries no TLS
     */
    public record PlainHttp(@Min(0) @Max(65535) @DefaultValue("0") int port,
                            @NotNull @DefaultValue("127.0.0.1") String address) {
        boolean enabled() {
            return port > 0;
        }
    }

    /**
     * Limits of one route group. The rate limit is a token bucket per client: {@code burst} requests at once,
     * refilled at {@code burst} per {@code period}.
     */
    public record Limits(@NotNull DataSize maxRequestSize,
                         @Min(1) int burst,
                         @NotNull Duration period) {
        public Limits {
            if (maxRequestSize != null && maxRequestSize.toBytes() < 0) {
                throw new IllegalArgumentException("max-request-size must not be negative");
            }
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("period must be positive");
            }
        }
    }
}
