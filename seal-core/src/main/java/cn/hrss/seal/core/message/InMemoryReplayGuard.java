package cn.hrss.seal.core.message;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded in-memory {@link ReplayGuard} for one node instance. When full of unexpired nonces it refuses new ones
 * rather than forgetting live ones (which would re-open replay); senders retry through their outbox. Several
 * instances behind one address need a shared (JDBC) guard instead.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
    private final int capacity;
    private final Clock clock;
    private final Map<String, Instant> seen = new HashMap<>();

    public InMemoryReplayGuard(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean firstUse(SignerId signer, String nonce, Instant keepUntil) {
        String key = signer.hex() + ' ' + nonce;
        Instant now = clock.instant();
        Instant previous = seen.get(key);
        if (previous != null && !previous.isBefore(now)) {
            return false;
        }
        if (previous == null && seen.size() >= capacity) {
            purgeExpired(now);
            if (seen.size() >= capacity) {
                return false;
            }
        }
        seen.put(key, keepUntil);
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void purgeExpired(Instant now) {
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(now)) {
                it.remove();
            }
        }
    }
}
