package cn.hrss.seal.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * In-memory token buckets, one per route group and client (no Redis: one gateway per node). A refused request's
 * response headers carry {@code Retry-After} in whole seconds.
 */
final class TokenBucketRateLimiter implements RateLimiter<GatewayProperties.Limits> {

    static final String RETRY_AFTER = "Retry-After";

    private final Map<String, GatewayProperties.Limits> config = new HashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxClients;
    private final LongSupplier nanoTime;

    TokenBucketRateLimiter(GatewayProperties properties, LongSupplier nanoTime) {
        for (RouteGroup group : RouteGroup.values()) {
            config.put(group.routeId(), properties.limits(group));
        }
        this.maxClients = properties.maxClients();
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return Mono.fromSupplier(() -> check(routeId, id));
    }

    Response check(String routeId, String clientKey) {
        GatewayProperties.Limits limits = config.get(routeId);
        if (limits == null) {
            throw new IllegalArgumentException("no rate limit for route " + routeId);
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxClients) {
            // a bucket that has refilled completely carries no state worth keeping
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(routeId + '|' + clientKey, k -> new Bucket(limits, now));
        long waitNanos = bucket.take(now);
        if (waitNanos == 0) {
            return new Response(true, Map.of());
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
        return new Response(false, Map.of(RETRY_AFTER, Long.toString(seconds)));
    }

    @Override
    public Map<String, GatewayProperties.Limits> getConfig() {
        return config;
    }

    @Override
    public Class<GatewayProperties.Limits> getConfigClass() {
        return GatewayProperties.Limits.class;
    }

    @Override
    public GatewayProperties.Limits newConfig() {
        throw new UnsupportedOperationException("limits come from seal.gateway.* only");
    }

    /** Tokens are counted in nanoseconds of refill time to stay exact with integer arithmetic. */
    private static final class Bucket {
        private final long nanosPerToken;
        private final long capacityNanos;
        private long storedNanos;
        private long updatedAt;

        Bucket(GatewayProperties.Limits limits, long now) {
            this.nanosPerToken = Math.max(1, limits.period().toNanos() / limits.burst());
            this.capacityNanos = nanosPerToken * limits.burst();
            this.storedNanos = capacityNanos;
            this.updatedAt = now;
        }

        /** Takes one token; returns 0, or how long until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (storedNanos >= nanosPerToken) {
                storedNanos -= nanosPerToken;
                return 0;
            }
            return nanosPerToken - storedNanos;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return storedNanos >= capacityNanos;
        }

        private void refill(long now) {
            long elapsed = now - updatedAt;
            if (elapsed > 0) {
                storedNanos = elapsed >= capacityNanos - storedNanos ? capacityNanos : storedNanos + elapsed;
                updatedAt = now;
            }
        }
    }
}
