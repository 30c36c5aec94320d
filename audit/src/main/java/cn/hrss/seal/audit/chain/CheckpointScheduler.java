package cn.hrss.seal.audit.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a checkpoint at a fixed delay, so the unsigned tail of the chain is bounded in time as well as in count.
 * Own single daemon thread: the audit chain must not depend on whether the application enables scheduling.
 */
final class CheckpointScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CheckpointScheduler.class);

    private final Runnable checkpoint;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CheckpointScheduler(Runnable checkpoint, Duration interval) {
        this.checkpoint = checkpoint;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoint");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            checkpoint.run();
        } catch (RuntimeException e) {
            // keep the schedule alive; the next run retries
            log.warn("audit checkpoint failed: {}", e.toString());
        }
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
