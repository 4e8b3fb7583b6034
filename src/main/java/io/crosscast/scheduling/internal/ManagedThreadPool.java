package io.crosscast.scheduling.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ThreadPool;

/**
 * Quartz thread pool that runs jobs on the server's managed executor instead of threads of its own, so
 * jobs run with the application's naming, CDI and class-loading context.
 *
 * <p>Quartz creates this class by name and sets {@code threadCount} and {@code executorJndiName}
 * from its properties; at most {@code threadCount} jobs run at once.
 */
public class ManagedThreadPool implements ThreadPool {

    private int threadCount = 4;
    private String executorJndiName = "java:comp/DefaultManagedExecutorService";
    private ExecutorService executor;
    private Semaphore slots;
    private volatile boolean shutdown;

    public void setThreadCount(int threadCount) {
        this.threadCount = threadCount;
    }

    public void setExecutorJndiName(String executorJndiName) {
        this.executorJndiName = executorJndiName;
    }

    /** For tests and for callers that already hold an executor. */
    void useExecutor(ExecutorService executorService) {
        this.executor = executorService;
    }

    @Override
    public void initialize() throws SchedulerConfigException {
        if (threadCount < 1) {
            throw new SchedulerConfigException("threadCount must be at least 1, was " + threadCount);
        }
        slots = new Semaphore(threadCount);
        if (executor == null) {
            try {
                executor = InitialContext.doLookup(executorJndiName);
            } catch (NamingException e) {
                throw new SchedulerConfigException("No managed executor at " + executorJndiName, e);
            }
        }
    }

    @Override
    public boolean runInThread(Runnable runnable) {
        if (runnable == null || shutdown) {
            return false;
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    runnable.run();
                } finally {
                    slots.release();
                }
            });
            return true;
        } catch (RuntimeException rejected) {
            slots.release();
            return false;
        }
    }

    @Override
    public int blockForAvailableThreads() {
        while (!shutdown) {
            try {
                if (slots.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                    slots.release();
                    return Math.max(1, slots.availablePermits());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return 0;
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        shutdown = true;
        if (waitForJobsToComplete && slots != null) {
            // The executor belongs to the server; wait until every running job has handed back its slot.
            slots.acquireUninterruptibly(threadCount);
            slots.release(threadCount);
        }
    }

    @Override
    public int getPoolSize() {
        return threadCount;
    }

    @Override
    public void setInstanceId(String schedInstId) {
        // Threads are the server's: nothing to name.
    }

    @Override
    public void setInstanceName(String schedName) {
        // Threads are the server's: nothing to name.
    }
}
