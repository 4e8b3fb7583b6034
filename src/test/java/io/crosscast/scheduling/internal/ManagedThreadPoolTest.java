package io.crosscast.scheduling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.SchedulerConfigException;

class ManagedThreadPoolTest {

    private ExecutorService executor;
    private ManagedThreadPool pool;

    @BeforeEach
    void setUp() throws SchedulerConfigException {
        executor = Executors.newCachedThreadPool();
        pool = new ManagedThreadPool();
        pool.setThreadCount(2);
        pool.useExecutor(executor);
        pool.initialize();
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void runsJobsOnTheExecutor() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        assertTrue(pool.runInThread(ran::countDown));
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void neverRunsMoreJobsAtOnceThanItsThreadCount() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        Runnable job = () -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        assertTrue(pool.runInThread(job));
        assertTrue(pool.runInThread(job));
        // A third job waits for a free slot: hand it over from another thread and check it has not started.
        Thread third = new Thread(() -> pool.runInThread(job));
        third.start();
        third.join(300);
        assertTrue(third.isAlive(), "the third job should wait for a free slot");
        assertTrue(maxRunning.get() <= 2);
        release.countDown();
        third.join(5000);
        assertFalse(third.isAlive());
        assertEquals(2, maxRunning.get());
    }

    @Test
    void reportsFreeSlots() {
        assertEquals(2, pool.blockForAvailableThreads());
        assertEquals(2, pool.getPoolSize());
    }

    @Test
    void refusesWorkAfterShutdownAndWaitsForRunningJobs() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        pool.runInThread(() -> {
            started.countDown();
            sleepQuietly(200);
            finished.incrementAndGet();
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        pool.shutdown(true);
        assertEquals(1, finished.get(), "shutdown(true) returns only once running jobs are done");
        assertFalse(pool.runInThread(() -> {}));
        assertEquals(0, pool.blockForAvailableThreads());
    }

    @Test
    void refusesAnEmptyPool() {
        ManagedThreadPool empty = new ManagedThreadPool();
        empty.setThreadCount(0);
        empty.useExecutor(executor);
        assertThrows(SchedulerConfigException.class, empty::initialize);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
