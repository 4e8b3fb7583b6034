package io.crosscast.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.platform.Datasources;
import io.crosscast.settings.SettingsService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An entity goes through JPA into the migrated schema and comes back. */
@ExtendWith(ArquillianExtension.class)
class SettingsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private SettingsService settings;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @Test
    void aSettingIsStoredInItsTableAndReadBack() throws SQLException {
        String name = "it." + UUID.randomUUID();
        settings.put(name, "first");
        assertEquals(Optional.of("first"), settings.get(name));
        assertEquals("first", readWithJdbc(name));

        settings.put(name, "second");
        assertEquals(Optional.of("second"), settings.get(name));
        assertEquals("second", readWithJdbc(name));
    }

    @Test
    void anUnknownSettingIsEmpty() {
        assertTrue(settings.get("it.unknown." + UUID.randomUUID()).isEmpty());
    }

    @Test
    void aSecretIsCreatedOnceAndThenKept() {
        String name = "it.secret." + UUID.randomUUID();
        String secret = settings.secret(name);
        assertEquals(32, Base64.getDecoder().decode(secret).length);
        assertEquals(secret, settings.secret(name));
        assertNotEquals(secret, settings.secret(name + ".other"));
    }

    @Test
    void aSecretAskedForByManyAtOnceIsCreatedOnceAndAllGetIt() throws Exception {
        // As two nodes of a cluster starting on an empty database: both find no secret and create one.
        String name = "it.race." + UUID.randomUUID();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return settings.secret(name);
                }));
            }
            go.countDown();
            Set<String> seen = new HashSet<>();
            for (Future<String> answer : answers) {
                seen.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, seen.size(), "every caller got the same secret");
            assertEquals(seen.iterator().next(), readWithJdbc(name));
        } finally {
            pool.shutdownNow();
        }
    }

    private String readWithJdbc(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT setting_value FROM app_setting WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
