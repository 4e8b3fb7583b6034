package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.tracking.TrackingLinks;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An open or a click is answered only once its hit is durable (#13's guarantee), checked without a crash: while
 * {@code tracking_log} is locked, so that the hit's group can be neither committed nor failed (which would send it
 * to the journal), neither request gets its answer; once the lock is gone, both are answered (the pixel, the
 * redirect) and logged once. The open writes its 43 bytes with their Content-Length before the hit is submitted:
 * this shows the container keeps them until the asynchronous request completes. PostgreSQL only
 * ({@code LOCK TABLE}; H2 has no lock that holds an INSERT back).
 */
@ExtendWith(ArquillianExtension.class)
class AnsweredWhenDurableOnPostgreSqlIT {

    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @Inject
    private TrackingLinks links;

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void opensAndClicksWaitForTheirHitToBeWritten() throws Exception {
        assertTrue(Sql.postgreSql(dataSource), "PostgreSQL only (left out on H2 by its name)");
        String token = UUID.randomUUID().toString().substring(0, 8);
        long delivery = deliveries
                .create(
                        Channel.EMAIL,
                        new DeliveryContent(
                                "Durable " + token,
                                "Shop",
                                "shop@example.com",
                                null,
                                "Hello",
                                "<p><a href=\"https://shop.example.com/offer\">offer</a></p>",
                                null))
                .getId();
        // sent to nobody: its links are frozen, as a sent delivery's are
        deliveries.sendToCondition(
                delivery,
                ConditionJson.fromJson(
                        "{\"field\": \"lastName\", \"operator\": \"equals\", \"values\": [\"nobody " + token + "\"]}"));
        assertTrue(
                Polling.eventually(
                        Duration.ofSeconds(60), () -> deliveries.get(delivery).getStatus() == DeliveryStatus.SENT),
                "the delivery to nobody finishes");
        assertTrue(links.link(delivery, 0).isPresent(), "the offer's link is known");
        long recipient = 900_000_000L + (System.nanoTime() & 0xFFFFF);

        CompletableFuture<HttpResponse<byte[]>> open;
        CompletableFuture<HttpResponse<byte[]>> click;
        try (Connection lock = dataSource.getConnection();
                Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE tracking_log IN EXCLUSIVE MODE");
            open = get(links.openUrl(delivery, recipient));
            click = get(links.clickUrl(delivery, recipient, 0));
            TimeUnit.MILLISECONDS.sleep(1500);
            boolean openAnswered = open.isDone();
            boolean clickAnswered = click.isDone();
            lock.rollback();
            assertFalse(openAnswered, "the open was answered while its hit could not be written");
            assertFalse(clickAnswered, "the click was answered while its hit could not be written");
        }

        HttpResponse<byte[]> opened = open.get(30, TimeUnit.SECONDS);
        assertEquals(200, opened.statusCode());
        assertEquals("image/gif", opened.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(PIXEL, opened.body());
        HttpResponse<byte[]> clicked = click.get(30, TimeUnit.SECONDS);
        assertEquals(302, clicked.statusCode());
        assertEquals(
                "https://shop.example.com/offer",
                clicked.headers().firstValue("Location").orElseThrow());
        assertEquals(1, logs(delivery, recipient, "OPEN"), "the open is logged once");
        assertEquals(1, logs(delivery, recipient, "CLICK"), "the click is logged once");
    }

    private CompletableFuture<HttpResponse<byte[]>> get(String url) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private long logs(long delivery, long recipient, String type) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM tracking_log WHERE delivery_id = ? AND recipient_id = ? AND type = ?")) {
            query.setLong(1, delivery);
            query.setLong(2, recipient);
            query.setString(3, type);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
