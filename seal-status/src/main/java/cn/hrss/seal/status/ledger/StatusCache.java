package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.api.SealStatusChanged;
import cn.hrss.seal.status.api.SealStatusRecord;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.function.Function;

/**
 * Current status by esID on the heap (Ehcache). A change replaces the entry after its transaction commits, and an
 * entry only ever moves to a higher version, so a reader that loaded the old row just before the commit cannot put
 * it back. Other nodes' caches are not told: their staleness is bounded by the time to live.
 */
final class StatusCache implements AutoCloseable {
    private final CacheManager manager;
    private final Cache<String, VersionedStatus> cache;

    StatusCache(Duration timeToLive, long maxEntries) {
        // one manager per context, so several contexts (tests, or two nodes in one JVM) never share entries
        this.manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        this.cache = manager.createCache("seal-status", CacheConfigurationBuilder
                .newCacheConfigurationBuilder(String.class, VersionedStatus.class, ResourcePoolsBuilder.heap(maxEntries))
                .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(timeToLive)));
    }

    SealStatusRecord get(String esId, Function<String, VersionedStatus> loader) {
        VersionedStatus cached = cache.get(esId);
        if (cached != null) {
            return cached.record();
        }
        VersionedStatus loaded = loader.apply(esId);
        offer(esId, loaded);
        return loaded.record();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SealStatusChanged changed) {
        offer(changed.esId(), new VersionedStatus(changed.version(),
                new SealStatusRecord(changed.esId(), changed.status(), changed.at(), changed.reason())));
    }

    /** Stores the status unless the cache already holds the same or a newer version. */
    private void offer(String esId, VersionedStatus candidate) {
        while (true) {
            VersionedStatus current = cache.putIfAbsent(esId, candidate);
            if (current == null || current.version() >= candidate.version()
                    || cache.replace(esId, current, candidate)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
