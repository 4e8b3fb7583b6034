package io.crosscast.crash.support;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops what a crash test started (the server, its peers), latest first, after each test, whether it passed or
 * not: a JUnit extension, {@code @RegisterExtension final Closer closer = new Closer();}.
 */
public final class Closer implements AfterEachCallback {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Registers {@code closeable} to be closed after the test; returns it. */
    public <T extends AutoCloseable> T add(T closeable) {
        started.push(closeable);
        return closeable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.out.println("CRASH: closing " + next + " failed: " + e);
            }
        }
    }
}
