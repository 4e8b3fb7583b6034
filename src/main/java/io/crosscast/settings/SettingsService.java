package io.crosscast.settings;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @Resource
    private SessionContext self;

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
     * leaves the server: it keys signatures such as those of tracking links. Created in a transaction of its own: when
     * another caller (another node of a cluster starting on the same empty database) creates it at the same moment,
     * one insert wins and every caller gets the winner's secret.
     */
    public String secret(String name) {
        Optional<String> existing = get(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return self.getBusinessObject(SettingsService.class).createSecret(name);
        } catch (EJBException e) {
            // the other insert won (duplicate key): its secret is committed
            return get(name).orElseThrow(() -> e);
        }
    }

    /** Inserts a new secret under {@code name}; fails (duplicate key) when someone else did first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String createSecret(String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getEncoder().encodeToString(bytes);
        em.persist(new Setting(name, secret, Instant.now()));
        em.flush();
        return secret;
    }
}
