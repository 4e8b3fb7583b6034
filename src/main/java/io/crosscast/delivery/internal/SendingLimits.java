package io.crosscast.delivery.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What all email deliveries of this server share: the SMTP connections (at most
 * {@link SendSettings#maxConnections()} at once), the server-wide rate, and the messages at once per recipient
 * domain. Read once at deployment: a changed setting applies after a restart of the application.
 */
@ApplicationScoped
public class SendingLimits {

    @Inject
    private SendSettings settings;

    private Semaphore connections;
    private RatePacer serverRate;
    private int perDomain;
    private final Map<String, Semaphore> domains = new ConcurrentHashMap<>();

    /** Limits from these settings, outside a container (tests). */
    public static SendingLimits of(SendSettings settings) {
        SendingLimits limits = new SendingLimits();
        limits.settings = settings;
        limits.init();
        return limits;
    }

    @PostConstruct
    void init() {
        connections = new Semaphore(settings.maxConnections(), true);
        serverRate = new RatePacer(settings.serverMessagesPerSecond());
        perDomain = settings.domainConnections();
    }

    /** Takes a connection if one is free now. */
    public boolean tryConnection() {
        return connections.tryAcquire();
    }

    /** Waits up to {@code millis} for a connection. */
    public boolean connection(long millis) throws InterruptedException {
        return connections.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    public void releaseConnection() {
        connections.release();
    }

    /** Waits for this message's slot under the server-wide rate. */
    public void pace() {
        serverRate.await();
    }

    /**
     * Waits up to {@code millis} for a place among the messages at once to this address's domain; returns the
     * permit to release, {@link DomainPermit#NONE} when domains are not limited, or null when none came in time.
     */
    public DomainPermit domain(String address, long millis) throws InterruptedException {
        if (perDomain <= 0) {
            return DomainPermit.NONE;
        }
        Semaphore semaphore = domains.computeIfAbsent(domainOf(address), d -> new Semaphore(perDomain, true));
        return semaphore.tryAcquire(millis, TimeUnit.MILLISECONDS) ? new DomainPermit(semaphore) : null;
    }

    /** The part after the last {@code @}, lower case (the whole address when there is none). */
    static String domainOf(String address) {
        String value = address == null ? "" : address;
        return value.substring(value.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** A place among the messages at once to one domain; release it when the message is done. */
    public static final class DomainPermit {
        static final DomainPermit NONE = new DomainPermit(null);
        private final Semaphore semaphore;

        DomainPermit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void release() {
            if (semaphore != null) {
                semaphore.release();
            }
        }
    }
}
