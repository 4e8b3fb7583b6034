package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.it.support.SecurityHeaders;
import io.crosscast.it.support.TestDocuments;
import io.crosscast.platform.Datasources;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingLinks;
import io.crosscast.tracking.TrackingRecorder;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real-world hrefs (UTM tags with | and spaces, non-ASCII paths, IDN hosts, fragments...) saved, sent and
 * clicked: each tracked link answers a 302 to the URL a browser would go to, never a 500; links that cannot
 * be links of an email are refused when saved; a link stored by an older version that cannot be a URI is
 * redirected normalised, or answered with a page.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryLinksIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Each link as written in the HTML body (an attribute value), and where its click must lead. */
    private static final String[][] TRACKED = {
        {
            "https://shop.example.com/offer?utm_source=newsletter&amp;utm_campaign=spring|2026",
            "https://shop.example.com/offer?utm_source=newsletter&utm_campaign=spring%7C2026"
        },
        {
            " https://shop.example.com/?utm_campaign=Spring Sale 2026&amp;utm_content=hero banner ",
            "https://shop.example.com/?utm_campaign=Spring%20Sale%202026&utm_content=hero%20banner"
        },
        {"https://exemple.fr/été/promo?ville=Montréal", "https://exemple.fr/%C3%A9t%C3%A9/promo?ville=Montr%C3%A9al"},
        {"https://bücher.example/katalog#neu", "https://xn--bcher-kva.example/katalog#neu"},
        {
            "HTTPS://Shop.Example.com/a%20b?q=red+shoes&amp;tags[]=x",
            "https://shop.example.com/a%20b?q=red+shoes&tags[]=x"
        },
        {"https://shop.example.com:8443/x\\y{z}^`", "https://shop.example.com:8443/x/y%7Bz%7D%5E%60"},
        {"https://[::1]/local", "https://[::1]/local"},
    };

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    @EJB
    private OutboxService outbox;

    @EJB
    private TrackingRecorder tracking;

    @Inject
    private TrackingLinks trackingLinks;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String token;
    private String address;

    @BeforeEach
    void recipient() {
        token = "l" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        address = "ana+" + token + "@example.com";
        RecipientForm form = new RecipientForm();
        form.setFirstName("Ana Lúcia");
        form.setLastName(token);
        form.setEmail(address);
        recipients.create(form);
    }

    @Test
    void everyTrackedLinkRedirectsToItsNormalisedUrl() throws Exception {
        StringBuilder html = new StringBuilder("<html><body><p>Hello {{firstName}}</p>\n");
        for (String[] link : TRACKED) {
            html.append("<p><a href=\"").append(link[0]).append("\">link</a></p>\n");
        }
        html.append("<p><a href=\"mailto:help@example.com?subject=Hello World\">mail</a>"
                + " <a href=\"tel:+33 1 23 45 67 89\">call</a> <a href=\"#top\">top</a>"
                + " <a href=\"https://exemple.fr/profil?m={{email}}&amp;n={{firstName}}|x\">profile</a></p>\n"
                + "</body></html>");
        Delivery delivery = deliveries.create(
                Channel.EMAIL,
                new DeliveryContent(
                        "Links " + token, "Shop", "shop@example.com", null, "Links", html.toString(), null));
        long id = delivery.getId();

        String stored = deliveries.get(id).getHtmlBody();
        assertTrue(
                stored.contains(
                        "href=\"https://shop.example.com/offer?utm_source=newsletter&amp;utm_campaign=spring%7C2026\""),
                "the stored body holds the normalised links: " + stored);
        assertTrue(stored.contains("href=\"https://exemple.fr/profil?m={{email}}&amp;n={{firstName}}%7Cx\""), stored);
        assertTrue(stored.contains("href=\"mailto:help@example.com?subject=Hello World\""), "mailto: is not rewritten");

        deliveries.sendToCondition(id, ConditionJson.fromJson(lastNameIsToken()));
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(id).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");
        assertEquals(1, deliveries.stats(id).sent(), "sent, not failed");

        MessageContent message = SandboxMessages.received(outbox, address);
        List<String> links = SandboxMessages.links(message.html());
        List<String> tracked = links.stream().filter(l -> l.contains("/t/c/")).toList();
        assertEquals(TRACKED.length, tracked.size(), links.toString());
        for (int i = 0; i < TRACKED.length; i++) {
            HttpResponse<String> click = get(tracked.get(i));
            assertEquals(302, click.statusCode(), "link " + i + " (" + TRACKED[i][0] + "): " + click.body());
            assertEquals(TRACKED[i][1], click.headers().firstValue("Location").orElseThrow(), "link " + i);
        }
        assertTrue(links.contains("mailto:help@example.com?subject=Hello World"), links.toString());
        assertTrue(links.contains("tel:+33 1 23 45 67 89"), links.toString());
        assertTrue(links.contains("#top"), links.toString());
        assertTrue(
                links.contains("https://exemple.fr/profil?m=ana%2B" + token + "%40example.com&n=Ana%20L%C3%BAcia%7Cx"),
                "the recipient's values in a personalised link are encoded: " + links);
    }

    @Test
    void linksThatCannotBeLinksOfAnEmailAreRefusedWhenSaved() {
        DeliveryException refused = assertThrows(
                DeliveryException.class,
                () -> deliveries.create(
                        Channel.EMAIL,
                        new DeliveryContent(
                                "Refused " + token,
                                null,
                                null,
                                null,
                                "Hi",
                                "<p><a href=\"javascript:alert(1)\">a</a></p>\n<p><a href=\"/offer\">b</a></p>\n"
                                        + "<p><a href=\"http://exa mple.com/\">c</a> <a href=\"https://example.com/50%off\">d</a></p>",
                                null)));
        assertEquals(DeliveryException.Kind.INVALID, refused.kind());
        String all = String.join("\n", refused.problems());
        assertEquals(4, refused.problems().size(), all);
        assertTrue(all.contains("line 1: the link javascript:alert(1)"), all);
        assertTrue(all.contains("line 2: the link /offer is relative"), all);
        assertTrue(all.contains("line 3: the link http://exa mple.com/"), all);
        assertTrue(all.contains("line 3: the link https://example.com/50%off"), all);
    }

    @Test
    void aLinkStoredByAnOlderVersionNeverAnswers500() throws Exception {
        Delivery delivery = deliveries.create(
                Channel.EMAIL,
                new DeliveryContent(
                        "Old links " + token,
                        "Shop",
                        "shop@example.com",
                        null,
                        "Old",
                        "<p><a href=\"https://old.example/1\">one</a>"
                                + " <a href=\"https://old.example/2\">two</a></p>",
                        null));
        long id = delivery.getId();
        deliveries.sendToCondition(id, ConditionJson.fromJson(lastNameIsToken()));
        // As an older version froze them: as written, with characters a URI cannot hold.
        storeLink(id, 0, "https://old.example/utm?c=a b|c");
        storeLink(id, 1, "http://exa mple.com/");
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(id).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");

        List<String> tracked = SandboxMessages.links(
                        SandboxMessages.received(outbox, address).html())
                .stream()
                .filter(l -> l.contains("/t/c/"))
                .toList();
        assertEquals(2, tracked.size(), tracked.toString());
        HttpResponse<String> normalised = get(tracked.get(0));
        assertEquals(302, normalised.statusCode(), normalised.body());
        assertEquals(
                "https://old.example/utm?c=a%20b%7Cc",
                normalised.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> broken = get(tracked.get(1), "fr");
        assertEquals(404, broken.statusCode(), broken.body());
        assertTrue(broken.headers().firstValue("Location").isEmpty(), "never a redirect");
        assertTrue(broken.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), broken.body());
        assertTrue(
                broken.body().contains("Ce lien ne peut pas être ouvert"),
                "in the recipient's language: " + broken.body());
        assertFalse(broken.body().contains("Exception"), broken.body());
        assertTrue(get(tracked.get(1), "en").body().contains("This link cannot be opened"));
    }

    /**
     * Opens and clicks are answered once their hit is in the node's journal, not when the database has written it:
     * while the test holds the database from writing to {@code tracking_log} (PostgreSQL: a table lock; H2: exclusive
     * mode), both get their answer (the GIF, the redirect); once released, each hit is in the log, once. (That no
     * answer leaves before the journal's fsync is {@code HitLogOnH2Test}'s; that no answered hit is lost when the
     * server is killed, {@code TrackingCrashIT}'s.)
     */
    @Test
    void opensAndClicksAreAnsweredFromTheJournalWhileTheLogCannotBeWritten() throws Exception {
        Sent sent =
                sendOneLink("Pixel", "<p>Hello {{firstName}} <a href=\"https://shop.example.com/held\">offer</a></p>");
        long id = sent.deliveryId();
        assertTrue(trackingLinks.link(id, 0).isPresent(), "the link's target is cached, as a sent delivery's are");

        HttpResponse<byte[]> open;
        HttpResponse<byte[]> click;
        try (Connection holder = ((DataSource) new InitialContext().lookup(Datasources.NON_JTA)).getConnection();
                java.sql.Statement statement = holder.createStatement()) {
            boolean postgresql = holder.getMetaData().getDatabaseProductName().contains("PostgreSQL");
            holder.setAutoCommit(false);
            statement.execute(postgresql ? "LOCK TABLE tracking_log IN EXCLUSIVE MODE" : "SET EXCLUSIVE 1");
            try {
                open = http.send(
                        HttpRequest.newBuilder(sent.pixel())
                                .timeout(java.time.Duration.ofSeconds(20))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                click = http.send(
                        HttpRequest.newBuilder(sent.link())
                                .timeout(java.time.Duration.ofSeconds(20))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                if (postgresql) {
                    holder.rollback();
                } else {
                    statement.execute("SET EXCLUSIVE 0");
                    holder.commit();
                }
                holder.setAutoCommit(true);
            }
        }
        assertEquals(200, open.statusCode());
        assertEquals(42, open.body().length, "the GIF, whole");
        assertEquals("GIF89a", new String(open.body(), 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(302, click.statusCode());
        assertEquals(
                "https://shop.example.com/held",
                click.headers().firstValue("Location").orElseThrow());
        assertTrue(tracking.flush(), "the journal's copy reaches the database once it can write");
        assertEquals(
                1,
                count("SELECT COUNT(*) FROM tracking_log WHERE delivery_id = ? AND type = 'OPEN'", id),
                "the open is in the log, once");
        assertEquals(
                1,
                count("SELECT COUNT(*) FROM tracking_log WHERE delivery_id = ? AND type = 'CLICK'", id),
                "the click is in the log, once");
    }

    /**
     * Opens and clicks answered ahead of the servlet chain ({@code TrackingHandler}, once the servlet has served a
     * hit and published its cache and hit log) get the servlet's answer: status, headers, body, for GET and HEAD,
     * and their hits reach the log as the servlet's do. The meter of hits by path shows which path took them.
     */
    @Test
    void theFastPathAnswersOpensAndClicksAsTheServletDoes() throws Exception {
        Sent sent =
                sendOneLink("Fast", "<p>Hello <a href=\"https://shop.example.com/fast?c=spring|2026\">offer</a></p>");
        long id = sent.deliveryId();
        URI open = sent.pixel();
        URI click = sent.link();
        assertTrue(trackingLinks.link(id, 0).isPresent(), "the link's target is cached, as a sent delivery's are");
        // This deployment's first hit is the servlet's, which publishes the fast path; this one may be it.
        assertEquals(200, hit("GET", open).statusCode());
        double fast = hits("fast");
        double servlet = hits("servlet");

        HttpResponse<byte[]> pixelAnswer = hit("GET", open);
        HttpResponse<byte[]> pixelHead = hit("HEAD", open);
        HttpResponse<byte[]> redirect = hit("GET", click);
        HttpResponse<byte[]> redirectHead = hit("HEAD", click);

        assertEquals(fast + 4, hits("fast"), "the four hits went the fast path");
        assertEquals(servlet, hits("servlet"), "none went through the servlet");
        for (HttpResponse<byte[]> answer : List.of(pixelAnswer, pixelHead)) {
            assertEquals(200, answer.statusCode());
            assertAnswerHeaders(answer);
            assertEquals(
                    "image/gif", answer.headers().firstValue("Content-Type").orElse(null));
            assertEquals("42", answer.headers().firstValue("Content-Length").orElse(null));
            assertEquals("no-cache", answer.headers().firstValue("Pragma").orElse(null));
            assertEquals("0", answer.headers().firstValue("Expires").orElse(null));
        }
        assertEquals(42, pixelAnswer.body().length, "the GIF, whole");
        assertEquals("GIF89a", new String(pixelAnswer.body(), 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, pixelHead.body().length, "no body for HEAD");
        for (HttpResponse<byte[]> answer : List.of(redirect, redirectHead)) {
            assertEquals(302, answer.statusCode());
            assertAnswerHeaders(answer);
            assertEquals(
                    "https://shop.example.com/fast?c=spring%7C2026",
                    answer.headers().firstValue("Location").orElse(null));
            assertEquals(0, answer.body().length);
        }

        assertTrue(tracking.flush(), "the hits reach the database");
        assertEquals(
                3,
                count("SELECT COUNT(*) FROM tracking_log WHERE delivery_id = ? AND type = 'OPEN'", id),
                "three opens, once each");
        try (Connection connection = ((DataSource) new InitialContext().lookup(Datasources.NON_JTA)).getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT url, user_agent, ip FROM tracking_log"
                        + " WHERE delivery_id = ? AND type = 'CLICK' AND request_method = 'GET'")) {
            query.setLong(1, id);
            try (var rows = query.executeQuery()) {
                assertTrue(rows.next(), "the click is in the log");
                assertEquals(trackingLinks.link(id, 0).orElseThrow().url(), rows.getString(1), "its link");
                assertEquals(CHROME, rows.getString(2), "its user agent");
                assertTrue(rows.getString(3).matches("[0-9a-f.:]+"), "the client's address: " + rows.getString(3));
                assertFalse(rows.next(), "once");
            }
        }
        assertEquals(
                2,
                count(
                        "SELECT COUNT(*) FROM tracking_log WHERE delivery_id = ? AND request_method = 'HEAD'"
                                + " AND actor_reason = 'HEAD_REQUEST'",
                        id),
                "HEAD requests, a machine's, written with their verdict");
    }

    private static final String CHROME =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    @Inject
    private io.micrometer.core.instrument.MeterRegistry meters;

    private double hits(String path) {
        io.micrometer.core.instrument.Counter counter = meters.find(
                        io.crosscast.web.tracking.TrackingServlet.HITS_METER)
                .tag("path", path)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<byte[]> hit(String method, URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("User-Agent", CHROME)
                        .timeout(Duration.ofSeconds(20))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertAnswerHeaders(HttpResponse<?> answer) {
        assertEquals(
                "private, no-cache, no-store, must-revalidate",
                answer.headers().firstValue("Cache-Control").orElse(null),
                answer.request().method() + " " + answer.uri());
        SecurityHeaders.assertOn(answer);
    }

    /** A delivery sent to this test's recipient, and the open pixel and tracked link of the message received. */
    private record Sent(long deliveryId, URI pixel, URI link) {}

    /** Sends a delivery whose HTML has one tracked link to this test's recipient; waits until it is sent. */
    private Sent sendOneLink(String subject, String html) {
        long id = deliveries
                .create(
                        Channel.EMAIL,
                        new DeliveryContent(
                                subject + " " + token, "Shop", "shop@example.com", null, subject, html, null))
                .getId();
        deliveries.sendToCondition(id, ConditionJson.fromJson(lastNameIsToken()));
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(id).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");
        String received = SandboxMessages.received(outbox, address).html();
        java.util.regex.Matcher pixel =
                java.util.regex.Pattern.compile("src=\"([^\"]+/t/o/[^\"]+)\"").matcher(received);
        assertTrue(pixel.find(), "the message has its open pixel");
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"").matcher(received);
        assertTrue(link.find(), "the message has its tracked link");
        return new Sent(
                id,
                URI.create(pixel.group(1).replace("&amp;", "&")),
                URI.create(link.group(1).replace("&amp;", "&")));
    }

    private long count(String sql, long deliveryId) throws Exception {
        try (Connection connection = ((DataSource) new InitialContext().lookup(Datasources.NON_JTA)).getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, deliveryId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void storeLink(long deliveryId, int index, String url) throws Exception {
        try (Connection connection = ((DataSource) new InitialContext().lookup(Datasources.NON_JTA)).getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE delivery_link SET url = ? WHERE delivery_id = ? AND link_index = ?")) {
            update.setString(1, url);
            update.setLong(2, deliveryId);
            update.setInt(3, index);
            assertEquals(1, update.executeUpdate());
        }
    }

    private String lastNameIsToken() {
        return TestDocuments.lastNameIs(token);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return get(url, "en");
    }

    private HttpResponse<String> get(String url, String language) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Language", language)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
