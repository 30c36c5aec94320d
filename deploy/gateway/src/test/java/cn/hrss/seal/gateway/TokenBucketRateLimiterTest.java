package cn.hrss.seal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.util.unit.DataSize;

class TokenBucketRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final GatewayProperties.Limits tenPerMinute =
            new GatewayProperties.Limits(DataSize.ofMegabytes(1), 10, Duration.ofMinutes(1));
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new GatewayProperties(
            URI.create("http://127.0.0.1:8080"), new GatewayProperties.PlainHttp(0, "127.0.0.1"),
            Duration.ofDays(365), 100, tenPerMinute, tenPerMinute, tenPerMinute, tenPerMinute), now::get);

    @Test
    void allowsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.check("portal", "ip:1").isAllowed()).isTrue();
        }
        RateLimiter.Response refused = limiter.check("portal", "ip:1");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "6");
    }

    @Test
    void refillsOverTimeButNeverBeyondTheBurst() {
        for (int i = 0; i < 10; i++) {
            limiter.check("business", "token:a");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(limiter.check("business", "token:a").isAllowed()).isTrue();
        assertThat(limiter.check("business", "token:a").isAllowed()).isFalse();

        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        int allowed = 0;
        while (limiter.check("business", "token:a").isAllowed()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void clientsAndRouteGroupsHaveSeparateBuckets() {
        for (int i = 0; i < 10; i++) {
            limiter.check("federation", "signer:a");
        }
        assertThat(limiter.check("federation", "signer:a").isAllowed()).isFalse();
        assertThat(limiter.check("federation", "signer:b").isAllowed()).isTrue();
        assertThat(limiter.check("portal", "signer:a").isAllowed()).isTrue();
    }

    @Test
    void dropsIdleBucketsWhenFullOfClients() {
        for (int i = 0; i < 100; i++) {
            limiter.check("portal", "ip:" + i);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertThat(limiter.check("portal", "ip:new").isAllowed()).isTrue();
        assertThat(limiter.check("portal", "ip:0").isAllowed()).as("a fresh bucket after eviction").isTrue();
    }
}
