package io.crosscast.it.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignStatus;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.campaign.DemoCampaign;
import io.crosscast.campaign.DemoCampaignData;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryOverview;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.it.support.Deployments;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo campaign of the run command, created in the server by the EJB its startup loader calls (the test
 * server does not set {@code crosscast.demo.recipients}, so the loader itself does nothing there): one draft
 * campaign, its three deliveries attached and ready to send, and a diagram that can start, naming them.
 */
@ExtendWith(ArquillianExtension.class)
class DemoCampaignIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DemoCampaign demo;

    @EJB
    private CampaignService campaigns;

    @EJB
    private CampaignWorkflowService campaignWorkflows;

    @EJB
    private DeliveryService deliveries;

    @Test
    void createsOneDraftCampaignWithItsDeliveriesAndAValidDiagram() {
        long before = campaigns.count(DemoCampaignData.LABEL, null);
        long allBefore = demo.campaignCount();

        long id = demo.create();

        assertEquals(before + 1, campaigns.count(DemoCampaignData.LABEL, null), "one campaign");
        assertEquals(allBefore + 1, demo.campaignCount());
        Campaign campaign = campaigns.get(id);
        assertEquals(DemoCampaignData.LABEL, campaign.getLabel());
        assertEquals(CampaignStatus.DRAFT, campaign.getStatus(), "left for the marketer to start");
        assertEquals("marketer", campaign.getOwner());
        assertTrue(campaign.getDescription().toLowerCase().contains("demo"), campaign.getDescription());
        assertTrue(!campaign.getStartDate().isAfter(LocalDate.now().plusDays(1)));
        assertTrue(campaign.getEndDate().isAfter(campaign.getStartDate()));
        assertNull(campaign.getWorkflowId(), "never started");

        List<DeliveryOverview> attached = campaigns.deliveries(id);
        assertEquals(3, attached.size(), attached::toString);
        Map<String, DeliveryOverview> byLabel =
                attached.stream().collect(Collectors.toMap(DeliveryOverview::label, d -> d));
        DeliveryOverview offer = byLabel.get(DemoCampaignData.OFFER_LABEL);
        DeliveryOverview reminder = byLabel.get(DemoCampaignData.REMINDER_LABEL);
        DeliveryOverview sms = byLabel.get(DemoCampaignData.SMS_LABEL);
        assertEquals(Channel.EMAIL, offer.channel());
        assertEquals(Channel.EMAIL, reminder.channel());
        assertEquals(Channel.SMS, sms.channel());
        for (DeliveryOverview d : attached) {
            Delivery delivery = deliveries.get(d.id());
            assertEquals(id, delivery.getCampaignId());
            assertEquals(DeliveryStatus.DRAFT, delivery.getStatus());
            assertEquals(
                    List.of(),
                    deliveries.problems(delivery.getChannel(), delivery.content(), true),
                    d.label() + " can be sent");
        }

        assertEquals(List.of(), campaignWorkflows.problems(id), "the diagram can start");
        JsonObject diagram = json(campaignWorkflows.diagram(id));
        Map<String, JsonObject> activities = diagram.getJsonArray("activities").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(a -> a.getString("id"), a -> a));
        assertEquals(String.valueOf(offer.id()), config(activities, "offer").getString("delivery"));
        assertEquals(
                String.valueOf(reminder.id()), config(activities, "reminder").getString("delivery"));
        assertEquals(String.valueOf(sms.id()), config(activities, "sms").getString("delivery"));
        assertEquals("2", config(activities, "wait").getString("minutes"));
        assertEquals(DemoCampaignData.LIST_NAME, config(activities, "list").getString("list"));
        assertEquals(10, diagram.getJsonArray("transitions").size());
    }

    private static JsonObject config(Map<String, JsonObject> activities, String id) {
        JsonObject activity = activities.get(id);
        assertTrue(activity != null, "activity " + id);
        return activity.getJsonObject("config");
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
