package io.crosscast.delivery.internal;

import io.crosscast.platform.NodeName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deliveries this server is sending right now, so that a second start of the same delivery (its watch trigger,
 * a resumption) does not start a second run beside the first. Only this JVM's runs: another server of a cluster
 * keeps its own, and the ledger's claims keep them apart.
 */
@ApplicationScoped
public class LocalSendings {

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /** Marks the delivery as sending here; false when it already was. */
    public boolean begin(long deliveryId) {
        return running.add(deliveryId);
    }

    public void end(long deliveryId) {
        running.remove(deliveryId);
    }

    public boolean isRunning(long deliveryId) {
        return running.contains(deliveryId);
    }

    /** This server's name in ledger claims: WildFly's node name (the host name unless set), see {@link NodeName}. */
    public static String node() {
        return NodeName.current();
    }
}
