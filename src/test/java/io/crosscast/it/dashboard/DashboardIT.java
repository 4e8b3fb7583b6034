package io.crosscast.it.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignContent;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignStatus;
import io.crosscast.dashboard.DashboardAlert;
import io.crosscast.dashboard.DashboardLive;
import io.crosscast.dashboard.DashboardService;
import io.crosscast.dashboard.DashboardTrend;
import io.crosscast.dashboard.RunningCampaign;
import io.crosscast.dashboard.TrendPoint;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryProgress;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.TimeStep;
import io.crosscast.platform.sql.SqlValues;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's service over hand-made data (ledger rows, tracking logs and quarantines written at known
 * times two and three days ago, a paused delivery, a running campaign): the charts' steps grow by exactly that
 * data (other tests' data is compared before and after), per day and per hour; the delivery in progress, its
 * rate of the last minute, and the bounce and opt-out alerts of the other delivery.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

    private static final long FIRST_RECIPIENT = 900_000_000L;

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DashboardService dashboard;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private CampaignService campaigns;

    @EJB
    private RecipientService recipients;

    @Test
    void chartsLiveFiguresAndAlertsCountTheHandMadeData() throws Exception {
        String token = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Instant now = Instant.now();
        long today = TimeStep.DAY.bucketOf(now);
        Instant twoDaysAgo = TimeStep.DAY.startOf(today - 2).plusSeconds(10 * 3600 + 120);
        Instant threeDaysAgo = TimeStep.DAY.startOf(today - 3).plusSeconds(15 * 3600);
        // Opens and clicks 40 minutes after the sending, in the same hour (long after: the classifier's rules
        // for clicks soon after the sending do not apply).
        Instant logged = twoDaysAgo.plusSeconds(40 * 60);

        DashboardTrend daysBefore = dashboard.trend(7, TimeStep.DAY);
        DashboardTrend hoursBefore = dashboard.trend(7, TimeStep.HOUR);

        long sent = deliveries.create(Channel.EMAIL, content("Sent " + token)).getId();
        long paused =
                deliveries.create(Channel.EMAIL, content("Paused " + token)).getId();
        Campaign campaign = campaigns.create(new CampaignContent("Dashboard " + token, null, null, null, "marketer"));
        campaigns.changeStatus(campaign.getId(), CampaignStatus.RUNNING);
        Recipient ana = SandboxMessages.createRecipient(recipients, token, "Ana");
        Recipient ben = SandboxMessages.createRecipient(recipients, token, "Ben");
        Recipient cid = SandboxMessages.createRecipient(recipients, token, "Cid");

        DataSource dataSource = (DataSource) new InitialContext().lookup(Datasources.NON_JTA);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            update(
                    c,
                    "UPDATE delivery SET status = 'SENT', started_at = ?, finished_at = ? WHERE id = ?",
                    threeDaysAgo.minusSeconds(3600),
                    twoDaysAgo.plusSeconds(3600),
                    sent);
            update(
                    c,
                    "UPDATE delivery SET status = 'PAUSED', started_at = ? WHERE id = ?",
                    now.minusSeconds(300),
                    paused);
            // Delivery "sent": 10 messages two days ago, 2 three days ago, 1 refused.
            for (int i = 0; i < 10; i++) {
                ledger(c, sent, i, "SENT", twoDaysAgo);
            }
            ledger(c, sent, 10, "SENT", threeDaysAgo);
            ledger(c, sent, 11, "SENT", threeDaysAgo);
            ledger(c, sent, 12, "FAILED", null);
            // Two days ago: 3 opens by people, 2 by a privacy proxy, a click by a person, 2 by a scanner, and one
            // unsubscription (no hit).
            log(c, sent, 0, "OPEN", "PERSON", logged);
            log(c, sent, 1, "OPEN", "PERSON", logged);
            log(c, sent, 1, "OPEN", "PERSON", logged);
            log(c, sent, 2, "OPEN", "PRIVACY_PROXY", logged);
            log(c, sent, 3, "OPEN", "PRIVACY_PROXY", logged);
            log(c, sent, 1, "CLICK", "PERSON", logged);
            log(c, sent, 4, "CLICK", "SCANNER", logged);
            log(c, sent, 4, "CLICK", "SCANNER", logged);
            log(c, sent, 0, "UNSUBSCRIBE", "PERSON", logged);
            // Delivery "paused": 4 of 6 sent, 3 within the last minute.
            ledger(c, paused, 0, "SENT", now.minusSeconds(240));
            ledger(c, paused, 1, "SENT", now.minusSeconds(20));
            ledger(c, paused, 2, "SENT", now.minusSeconds(10));
            ledger(c, paused, 3, "SENT", now.minusSeconds(5));
            ledger(c, paused, 4, "PENDING", null);
            ledger(c, paused, 5, "PENDING", null);
            // Quarantines: two addresses two days ago, a number three days ago.
            update(
                    c,
                    "UPDATE recipient SET email_quarantined_at = ? WHERE id IN (?, ?)",
                    twoDaysAgo,
                    ana.getId(),
                    ben.getId());
            update(c, "UPDATE recipient SET sms_quarantined_at = ? WHERE id = ?", threeDaysAgo, cid.getId());
        }
        try {
            DashboardTrend days = dashboard.trend(7, TimeStep.DAY);
            assertEquals(TimeStep.DAY, days.step());
            assertEquals(8, days.points().size(), "7 days back to today, both included");
            assertEquals(List.of(TimeStep.HOUR, TimeStep.DAY), days.steps(), "no minutes over 7 days");
            assertEquals(
                    new TrendPoint(TimeStep.DAY.startOf(today - 2), 10, 3, 2, 1, 2, 0, 2, 0),
                    difference(days, daysBefore, TimeStep.DAY.startOf(today - 2)));
            assertEquals(
                    new TrendPoint(TimeStep.DAY.startOf(today - 3), 2, 0, 0, 0, 0, 0, 0, 1),
                    difference(days, daysBefore, TimeStep.DAY.startOf(today - 3)));

            DashboardTrend hours = dashboard.trend(7, TimeStep.HOUR);
            assertEquals(TimeStep.HOUR, hours.step());
            assertEquals(7 * 24 + 1, hours.points().size());
            Instant hour = TimeStep.HOUR.startOf(TimeStep.HOUR.bucketOf(twoDaysAgo));
            assertEquals(new TrendPoint(hour, 10, 3, 2, 1, 2, 0, 2, 0), difference(hours, hoursBefore, hour));
            assertEquals(TimeStep.DAY, dashboard.trend(7, TimeStep.MINUTE).step(), "minutes: too many points");
            assertEquals(TimeStep.DAY, dashboard.trend(30, null).step(), "the step that suits 30 days");

            DashboardLive live = dashboard.live();
            DeliveryProgress progress = live.deliveries().stream()
                    .filter(d -> d.id() == paused)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("in progress: " + live.deliveries()));
            assertEquals(6, progress.stats().targeted());
            assertEquals(4, progress.stats().sent());
            assertEquals(66, progress.stats().progressPercent());
            assertEquals(3, progress.lastMinute(), "the messages of the last minute");
            assertTrue(live.deliveries().stream().noneMatch(d -> d.id() == sent), "a sent delivery is done");

            RunningCampaign running = live.campaigns().stream()
                    .filter(r -> r.campaignId() == campaign.getId())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("running: " + live.campaigns()));
            assertNull(running.runId(), "its workflow never started");

            List<DashboardAlert> alerts = live.alerts().stream()
                    .filter(a -> Long.valueOf(sent).equals(a.deliveryId()))
                    .toList();
            assertEquals(
                    List.of(DashboardAlert.Kind.BOUNCE_RATE, DashboardAlert.Kind.OPT_OUT_RATE),
                    alerts.stream().map(DashboardAlert::kind).toList(),
                    live.alerts().toString());
            assertEquals(1.0 / 13, alerts.get(0).rate(), 1e-9, "1 refused of 13 tried");
            assertEquals(1.0 / 12, alerts.get(1).rate(), 1e-9, "1 unsubscribed of 12 sent");
            assertTrue(
                    live.alerts().stream().noneMatch(a -> Long.valueOf(paused).equals(a.deliveryId())));
        } finally {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                update(c, "UPDATE delivery SET status = 'CANCELLED' WHERE id = ?", paused);
            }
            campaigns.changeStatus(campaign.getId(), CampaignStatus.CANCELLED);
        }
    }

    /** The point of {@code after} at {@code at} minus that of {@code before}. */
    private static TrendPoint difference(DashboardTrend after, DashboardTrend before, Instant at) {
        TrendPoint a = point(after, at);
        TrendPoint b = point(before, at);
        return new TrendPoint(
                at,
                a.sent() - b.sent(),
                a.peopleOpens() - b.peopleOpens(),
                a.machineOpens() - b.machineOpens(),
                a.peopleClicks() - b.peopleClicks(),
                a.machineClicks() - b.machineClicks(),
                a.unclassified() - b.unclassified(),
                a.emailQuarantined() - b.emailQuarantined(),
                a.smsQuarantined() - b.smsQuarantined());
    }

    private static TrendPoint point(DashboardTrend trend, Instant at) {
        return trend.points().stream()
                .filter(p -> p.at().equals(at))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point at " + at + " in " + trend.points()));
    }

    private static DeliveryContent content(String label) {
        return new DeliveryContent(label, "Crosscast Shop", "shop@example.com", null, "Hello", "<p>Hello</p>", null);
    }

    private static void ledger(Connection c, long delivery, int recipient, String status, Instant sentAt)
            throws SQLException {
        update(
                c,
                "INSERT INTO delivery_message (delivery_id, recipient_id, address, status, sent_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                delivery,
                FIRST_RECIPIENT + recipient,
                "r" + recipient + "@example.com",
                status,
                sentAt,
                Instant.now());
    }

    private static void log(Connection c, long delivery, int recipient, String type, String actor, Instant at)
            throws SQLException {
        update(
                c,
                "INSERT INTO tracking_log (delivery_id, recipient_id, type, actor, logged_at) VALUES (?, ?, ?, ?, ?)",
                delivery,
                FIRST_RECIPIENT + recipient,
                type,
                actor,
                at);
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                s.setObject(i + 1, v instanceof Instant instant ? SqlValues.timestamp(instant) : v);
            }
            s.executeUpdate();
        }
    }
}
