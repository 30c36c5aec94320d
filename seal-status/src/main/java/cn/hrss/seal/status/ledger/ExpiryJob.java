package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.persistence.SealStatusMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves VALID seals past their validity end to EXPIRED, in batches, on a fixed delay. Safe on several nodes at
 * once: each expiry is a compare-and-set, the loser skips the seal.
 */
final class ExpiryJob implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final SealStatusMapper seals;
    private final StatusLedger ledger;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private ScheduledExecutorService executor;

    ExpiryJob(SealStatusMapper seals, StatusLedger ledger, Clock clock, Duration interval, int batchSize) {
        this.seals = seals;
        this.ledger = ledger;
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    /** One sweep; returns how many seals it expired. */
    int expireDue() {
        int total = 0;
        while (true) {
            List<String> due = seals.findExpired(clock.instant(), batchSize);
            int expired = 0;
            for (String esId : due) {
                if (ledger.expire(esId)) {
                    expired++;
                }
            }
            total += expired;
            // a short batch was the last one; no progress means the rest belongs to another node right now
            if (due.size() < batchSize || expired == 0) {
                return total;
            }
        }
    }

    private void runSafely() {
        try {
            int expired = expireDue();
            if (expired > 0) {
                log.info("expired {} seals past their validity end", expired);
            }
        } catch (RuntimeException e) {
            log.error("seal expiry sweep failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seal-status-expiry");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
