package cn.hrss.seal.audit.chain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointSchedulerTest {

    @Test
    void runsRepeatedlyEvenAfterAFailureAndStops() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        CheckpointScheduler scheduler = new CheckpointScheduler(() -> {
            three.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly down");
            }
        }, Duration.ofMillis(20));
        scheduler.start();
        try {
            assertThat(scheduler.isRunning()).isTrue();
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.stop();
        }
        assertThat(scheduler.isRunning()).isFalse();
        int after = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).isLessThanOrEqualTo(after + 1);
    }
}
