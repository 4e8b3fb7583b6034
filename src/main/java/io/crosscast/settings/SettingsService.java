package io.crosscast.settings;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** Reads and writes server-wide settings. */
@Stateless
public class SettingsService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    public Optional<String> get(String name) {
        return Optional.ofNullable(em.find(Setting.class, name)).map(Setting::getValue);
    }

    public void put(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Setting setting = em.find(Setting.class, name);
        if (setting == null) {
            em.persist(new Setting(name, value, Instant.now()));
        } else {
            setting.change(value, Instant.now());
        }
    }

    /**
     * A random secret stored under the given name, created on first use (32 bytes, Base64). It never
     * leaves the server: it keys signatures such as those of tracking links.
     */
    public String secret(String name) {
        return get(name).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getEncoder().encodeToString(bytes);
            em.persist(new Setting(name, secret, Instant.now()));
            return secret;
        });
    }
}
