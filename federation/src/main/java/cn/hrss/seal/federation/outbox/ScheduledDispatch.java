package cn.hrss.seal.federation.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs dispatch rounds on one daemon thread while the context runs; its own thread keeps web threads free. */
class ScheduledDispatch implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ScheduledDispatch.class);

    private final OutboxDispatcher dispatcher;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ScheduledDispatch(OutboxDispatcher dispatcher, Duration interval) {
        this.dispatcher = dispatcher;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "federation-outbox");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            // e.g. the database is briefly unavailable; the next round tries again
            log.error("outbox dispatch round failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
