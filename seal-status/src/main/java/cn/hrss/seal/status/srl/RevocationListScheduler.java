package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.api.SealStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When to publish: whenever the newest list is about to run out (checked every check interval, and at start-up),
 * and after a change that adds or removes a list entry. Changes are debounced: the first one schedules a
 * publication after the debounce delay and later ones until then ride along, so a burst costs one list.
 */
final class RevocationListScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RevocationListScheduler.class);

    private final RevocationListPublisher publisher;
    private final Duration checkInterval;
    private final Duration debounce;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** A change-driven publication failed; the periodic check owes one regardless of the due time. */
    private final AtomicBoolean owed = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    RevocationListScheduler(RevocationListPublisher publisher, Duration checkInterval, Duration debounce) {
        this.publisher = publisher;
        this.checkInterval = checkInterval;
        this.debounce = debounce;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SealStatusChanged changed) {
        if (changed.previous().listed() || changed.status().listed()) {
            publishSoon();
        }
    }

    void publishSoon() {
        ScheduledExecutorService running = executor;
        if (running != null && pending.compareAndSet(false, true)) {
            running.schedule(() -> {
                // cleared before reading the statuses: a change committed from here on schedules the next list
                pending.set(false);
                publishSafely();
            }, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void checkDue() {
        try {
            if (owed.getAndSet(false) || publisher.due()) {
                publisher.publish();
            }
        } catch (RuntimeException e) {
            owed.set(true);
            log.error("revocation list check failed; retrying in {}", checkInterval, e);
        }
    }

    private void publishSafely() {
        try {
            publisher.publish();
        } catch (RuntimeException e) {
            owed.set(true);
            log.error("revocation list publication after a status change failed; the periodic check retries", e);
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seal-status-srl");
            t.setDaemon(true);
            return t;
        });
        started.scheduleWithFixedDelay(this::checkDue, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
