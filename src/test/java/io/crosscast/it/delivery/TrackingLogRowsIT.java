package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.it.support.Deployments;
import io.crosscast.platform.Datasources;
import io.crosscast.tracking.TrackingHit;
import io.crosscast.tracking.TrackingRecorder;
import io.crosscast.tracking.token.TrackingKind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the node's hit log copies to {@code tracking_log} is what the hit was, on each database's own way of writing
 * a group (PostgreSQL: one statement with the group's columns as arrays; H2: a JDBC batch): every column, the time
 * to the microsecond, empty values as NULL, a URL cut to its column's size, a hit of a deleted (unknown) delivery
 * left out rather than failing its group, and a group of many hits written whole.
 */
@ExtendWith(ArquillianExtension.class)
class TrackingLogRowsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private TrackingRecorder tracking;

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Test
    void everyColumnOfAHitReachesTheLogAsItWas() throws Exception {
        long delivery = deliveries
                .create(
                        Channel.EMAIL,
                        new DeliveryContent(
                                "Rows " + System.nanoTime(), "Shop", "shop@example.com", null, "Hi", "<p>Hi</p>", null))
                .getId();
        Instant at = Instant.parse("2026-12-04T10:15:30.123456Z");
        String longUrl = "https://shop.example.com/" + "a".repeat(2100);
        List<TrackingHit> hits = new ArrayList<>();
        hits.add(new TrackingHit(
                delivery,
                1,
                TrackingKind.CLICK,
                "https://shop.example.com/offer?x=1&y=é",
                "offer",
                at,
                "Mozilla/5.0 (X11) \"quoted\", {braces}",
                "2001:db8::1",
                "HEAD"));
        hits.add(new TrackingHit(delivery, 2, TrackingKind.OPEN, null, null, at.plusNanos(1000), null, null, null));
        hits.add(new TrackingHit(delivery, 3, TrackingKind.CLICK, longUrl, "long", at, "UA", "192.0.2.7", "GET"));
        hits.add(new TrackingHit(Long.MAX_VALUE - 7, 4, TrackingKind.OPEN, null, null, at, "UA", "192.0.2.8", "GET"));
        for (int i = 0; i < 3000; i++) {
            hits.add(new TrackingHit(delivery, 1000 + i, TrackingKind.OPEN, null, null, at, "UA", "192.0.2.9", "GET"));
        }
        ConcurrentLinkedQueue<Boolean> answers = new ConcurrentLinkedQueue<>();
        CountDownLatch answered = new CountDownLatch(hits.size());
        for (TrackingHit hit : hits) {
            tracking.log().submit(hit, durable -> {
                answers.add(durable);
                answered.countDown();
            });
        }
        assertTrue(answered.await(60, TimeUnit.SECONDS), "every hit answered");
        assertTrue(answers.stream().allMatch(Boolean::booleanValue), "all durable");
        assertTrue(tracking.flush(), "copied to the database");

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT recipient_id, type, url, label, logged_at, user_agent, ip, request_method, hit_id,"
                                + " actor, actor_reason"
                                + " FROM tracking_log WHERE delivery_id = ? AND recipient_id < 1000"
                                + " ORDER BY recipient_id")) {
            query.setLong(1, delivery);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(1, rows.getLong(1));
                assertEquals("CLICK", rows.getString(2));
                assertEquals("https://shop.example.com/offer?x=1&y=é", rows.getString(3));
                assertEquals("offer", rows.getString(4));
                assertEquals(at, rows.getObject(5, OffsetDateTime.class).toInstant(), "to the microsecond");
                assertEquals("Mozilla/5.0 (X11) \"quoted\", {braces}", rows.getString(6));
                assertEquals("2001:db8::1", rows.getString(7));
                assertEquals("HEAD", rows.getString(8));
                assertTrue(rows.getString(9) != null, "the hit's id");
                // Written with the verdict of its own request (the classifier's pass, every 5 s, has not run
                // between the flush and this query but by a rare chance, and would say the same).
                assertEquals("SCANNER", rows.getString(10), "a HEAD request is written as a scanner's");
                assertEquals("HEAD_REQUEST", rows.getString(11));

                assertTrue(rows.next());
                assertEquals(2, rows.getLong(1));
                assertEquals("OPEN", rows.getString(2));
                assertNull(rows.getString(3));
                assertNull(rows.getString(4));
                assertEquals(
                        at.plusNanos(1000),
                        rows.getObject(5, OffsetDateTime.class).toInstant());
                assertNull(rows.getString(6));
                assertNull(rows.getString(7));
                assertNull(rows.getString(8));
                assertEquals("SCANNER", rows.getString(10), "an open without a user agent: a scanner's");
                assertEquals("NO_USER_AGENT", rows.getString(11));

                assertTrue(rows.next());
                assertEquals(3, rows.getLong(1));
                assertEquals(longUrl.substring(0, 2000), rows.getString(3), "cut to the column's 2,000 characters");

                assertTrue(!rows.next(), "the hit of an unknown delivery is left out, alone");
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT hit_id) FROM tracking_log WHERE delivery_id = ?")) {
            query.setLong(1, delivery);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(3003, rows.getLong(1), "every hit of the delivery, once");
                assertEquals(3003, rows.getLong(2));
            }
        }
    }
}
