package io.crosscast.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.DemoData;
import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.campaign.DemoCampaign;
import io.crosscast.campaign.DemoCampaignData;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingService;
import jakarta.ejb.EJB;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * demo campaign created and started, and once its offer is sent some of its recipients open it, click it and
 * unsubscribe through their messages' tracking URLs and tokens; then, in a browser, the marketer's home page shows the campaign running
 * with its Wait's wake-up, a chart, the offer's unusual opt-out rate as an alert whose link opens the offer's
 * report (its timeline's step can be changed), and the demo campaign's own diagram says where everyone went: the
 * offer's box counts its excluded recipients (an opted-out Gold member among them) and lists them with why, the
 * reasons adding up to the count. It takes the README's dashboard and report pictures when
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

    /** A Gold member with email and mobile who opted out of email: the demo's offer excludes them. */
    static final String OPTED_OUT_EMAIL = "olivia.optedout@demo-dashboard.example.com";

    private static final int UNSUBSCRIBING = 5;
    private static final int READERS = 15;
    private static final Pattern PIXEL = Pattern.compile("src=\"([^\"]*/t/o/[^\"]*)\"");
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

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
    private RecipientService recipients;

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
    void theDemoCampaignRunsAndSomeUnsubscribe() throws Exception {
        Instant started = Instant.now();
        demoData.generateRecipients(DEMO_RECIPIENTS);
        if (recipients.count(new Rule("email", Operator.EQUALS, List.of(OPTED_OUT_EMAIL))) == 0) {
            RecipientForm optedOut = new RecipientForm();
            optedOut.setFirstName("Olivia");
            optedOut.setLastName("Optedout");
            optedOut.setEmail(OPTED_OUT_EMAIL);
            optedOut.setMobilePhone("+33612345678");
            optedOut.setStatus(MembershipStatus.GOLD);
            optedOut.setEmailOptOut(true);
            recipients.create(optedOut);
        }
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
                .limit(READERS)
                .toList();
        assertEquals(READERS, offers.size(), "offers in the Outbox");
        // Their mail clients load the open pixel (a person's browser), every third one clicks the offer, and
        // the first few unsubscribe: more than 2 % of the offers' recipients, the default alert threshold.
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (int i = 0; i < offers.size(); i++) {
            MessageContent content = outbox.read(offers.get(i).id()).orElseThrow();
            Matcher pixel = PIXEL.matcher(content.html());
            assertTrue(pixel.find(), "an open pixel");
            get(http, pixel.group(1));
            if (i % 3 == 0) {
                get(
                        http,
                        SandboxMessages.links(content.html()).stream()
                                .filter(l -> l.contains("/t/c/"))
                                .findFirst()
                                .orElseThrow());
            }
            if (i < UNSUBSCRIBING) {
                String url = content.header("List-Unsubscribe").replaceAll("^\\s*<|>\\s*$", "");
                String token = url.substring(url.indexOf("/t/u/") + "/t/u/".length());
                assertTrue(tracking.unsubscribe(token, "DashboardBrowserIT", "127.0.0.1"), url);
            }
        }
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(url.replace("&amp;", "&")))
                        .header("User-Agent", BROWSER)
                        .header("Accept", "text/html,image/avif,image/webp,*/*")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertTrue(response.statusCode() < 400, url + ": " + response.statusCode());
    }

    @Test
    @Order(2)
    @RunAsClient
    void theMarketerSeesWhatRunsWhatWentWrongAndHowTheDaysWent() {
        new DashboardWalk(base).walk();
    }
}
