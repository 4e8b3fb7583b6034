package io.crosscast.it.scheduling;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The EJB that the probe job calls: remembers the tokens it was called with. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProbeRecorder {

    private final Set<String> calls = ConcurrentHashMap.newKeySet();

    public void record(String token) {
        calls.add(token);
    }

    public boolean wasCalledWith(String token) {
        return calls.contains(token);
    }
}
