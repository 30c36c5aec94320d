package cn.hrss.seal.gateway;

import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Per-client rate limit of one route group; refusals are 429 {@code RATE_LIMITED} with {@code Retry-After}. */
final class RateLimit implements GatewayFilter {

    private final TokenBucketRateLimiter limiter;
    private final RouteGroup group;
    private final ErrorResponses errors;

    RateLimit(TokenBucketRateLimiter limiter, RouteGroup group, ErrorResponses errors) {
        this.limiter = limiter;
        this.group = group;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return limiter.isAllowed(group.routeId(), group.clientKey().of(exchange)).flatMap(response -> {
            if (response.isAllowed()) {
                return chain.filter(exchange);
            }
            String retryAfter = response.getHeaders().get(TokenBucketRateLimiter.RETRY_AFTER);
            exchange.getResponse().getHeaders().set(TokenBucketRateLimiter.RETRY_AFTER, retryAfter);
            return errors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "too many requests, retry later",
                    Map.of("retryAfterSeconds", Long.parseLong(retryAfter), "routeGroup", group.routeId()));
        });
    }
}
