package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.DemoData;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.campaign.DemoCampaign;
import io.crosscast.campaign.DemoCampaignData;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingService;
import jakarta.ejb.EJB;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The home dashboard on the demo campaign of the run command: in the server, demo recipients are generated, the
 * demo campaign created and started, and once its offer is sent a few of its recipients unsubscribe through
 * their messages' unsubscribe tokens; then, in a browser, the marketer's home page shows the campaign running
 * with its Wait's wake-up, a chart, the offer's unusual opt-out rate as an alert whose link opens the offer's
 * report (its timeline's step can be changed). It takes the README's dashboard and report pictures when
 * {@code -Dscreenshots} is given.
 *
 * <p>The first method runs in the server, the second in the test's JVM, where the browser is: what it does is
 * in {@link DashboardWalk}, so that no field or method of this class (lambdas included) names a browser type,
 * which the server does not have.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(150);
    private static final int DEMO_RECIPIENTS = 300;
    private static final int UNSUBSCRIBING = 5;

    @Deployment
    static WebArchive deployment() {
        return Deployments.crosscast(DashboardBrowserIT.class);
    }

    @ArquillianResource
    private URL base;

    @EJB
    private DemoData demoData;

    @EJB
    private DemoCampaign demo;

    @EJB
    private CampaignWorkflowService campaignWorkflows;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private OutboxService outbox;

    @EJB
    private TrackingService tracking;

    @Test
    @Order(1)
    void theDemoCampaignRunsAndSomeUnsubscribe() {
        Instant started = Instant.now();
        demoData.generateRecipients(DEMO_RECIPIENTS);
        long campaign = demo.create();
        campaignWorkflows.start(campaign);
        Delivery offer = deliveries.ofCampaign(campaign, 10).stream()
                .filter(d -> DemoCampaignData.OFFER_LABEL.equals(d.getLabel()))
                .findFirst()
                .orElseThrow();
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(offer.getId()).getStatus() == DeliveryStatus.SENT),
                "the offer is sent");
        List<OutboxMessage> offers = outbox.list(0, 10_000).stream()
                .filter(m -> !m.receivedAt().isBefore(started.minusSeconds(1)))
                .filter(m -> m.subject() != null && m.subject().contains("your Gold spring offer is here"))
                .limit(UNSUBSCRIBING)
                .toList();
        assertEquals(UNSUBSCRIBING, offers.size(), "offers in the Outbox");
        for (OutboxMessage message : offers) {
            MessageContent content = outbox.read(message.id()).orElseThrow();
            String url = content.header("List-Unsubscribe").replaceAll("^\\s*<|>\\s*$", "");
            String token = url.substring(url.indexOf("/t/u/") + "/t/u/".length());
            assertTrue(tracking.unsubscribe(token, "DashboardBrowserIT", "127.0.0.1"), url);
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void theMarketerSeesWhatRunsWhatWentWrongAndHowTheDaysWent() {
        new DashboardWalk(base).walk();
    }
}
