package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.api.SealStatusChanged;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.persistence.SealStatusEntity;
import cn.hrss.seal.status.persistence.SealStatusMapper;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;

/**
 * Current status by esID on the heap (Ehcache). After a change commits, the listener reloads the row and replaces the
 * entry; an entry only ever moves to a higher version, so a reader that loaded the old row just before the commit
 * cannot put it back. Other nodes' caches are not told: their staleness is bounded by the time to live.
 */
final class StatusCache implements AutoCloseable {
    private final CacheManager manager;
    private final Cache<String, VersionedStatus> cache;
    private final SealStatusMapper seals;

    StatusCache(SealStatusMapper seals, Duration timeToLive, long maxEntries) {
        this.seals = seals;
        // one manager per context, so several contexts (tests, or two nodes in one JVM) never share entries
        this.manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        this.cache = manager.createCache("seal-status", CacheConfigurationBuilder
                .newCacheConfigurationBuilder(String.class, VersionedStatus.class, ResourcePoolsBuilder.heap(maxEntries))
                .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(timeToLive)));
    }

    VersionedStatus get(String esId) {
        VersionedStatus cached = cache.get(esId);
        if (cached != null) {
            return cached;
        }
        VersionedStatus loaded = load(esId);
        offer(esId, loaded);
        return loaded;
    }

    /** Reloads the committed row: at least as new as the event, and it brings the validity end along. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SealStatusChanged changed) {
        offer(changed.esId(), load(changed.esId()));
    }

    private VersionedStatus load(String esId) {
        SealStatusEntity row = seals.selectById(esId);
        return row == null ? VersionedStatus.unregistered(esId)
                : new VersionedStatus(row.getVersion(),
                new SealStatusRecord(esId, row.getStatus(), row.getSince(), row.getReason()), row.getValidEnd());
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
