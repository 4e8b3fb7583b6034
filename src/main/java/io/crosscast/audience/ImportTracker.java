package io.crosscast.audience;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The imports of this server's lifetime that pages may still ask about (the latest 50). */
@ApplicationScoped
public class ImportTracker {

    private static final int KEEP = 50;

    private final Map<String, ImportProgress> imports = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportProgress> eldest) {
            return size() > KEEP;
        }
    };

    public synchronized void register(ImportProgress progress) {
        imports.put(progress.importId(), progress);
    }

    public synchronized Optional<ImportProgress> find(String importId) {
        return Optional.ofNullable(imports.get(importId));
    }
}
