package io.crosscast.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.ConditionValidator;
import io.crosscast.content.ContentPart;
import io.crosscast.content.LinkRewriter;
import io.crosscast.content.Personalization;
import io.crosscast.content.TrackedLink;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.sms.Gsm7;
import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityRegistry;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import io.crosscast.engine.TransitionDefinition;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.engine.WorkflowValidator;
import io.crosscast.engine.activities.BuiltInActivities;
import io.crosscast.workflow.activities.ListUpdateActivity;
import io.crosscast.workflow.internal.WorkflowJson;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo campaign's contents and the filling of its diagram template, outside the server. */
class DemoCampaignDataTest {

    private static final long OFFER = 101;
    private static final long REMINDER = 102;
    private static final long SMS = 103;

    private final String filled = DemoCampaignData.workflow(OFFER, REMINDER, SMS);

    @Test
    void theTemplateIsValidJsonWithItsPlaceholders() {
        String template = DemoCampaignData.template();
        for (String name : List.of("offerDelivery", "reminderDelivery", "smsDelivery", "listName")) {
            assertTrue(template.contains("${" + name + "}"), name);
        }
        // Placeholders sit inside JSON strings: the template itself parses.
        assertEquals(11, WorkflowJson.parse(template).activities().size());
    }

    @Test
    void theFilledDiagramNamesTheThreeDeliveriesTheListAndATwoMinuteWait() {
        assertFalse(filled.contains("${"), filled);
        WorkflowDefinition workflow = WorkflowJson.parse(filled);
        assertEquals(DemoCampaignData.LABEL, workflow.name());
        assertEquals(
                List.of(
                        "start",
                        "query",
                        "offer",
                        "wait",
                        "split",
                        "reminder",
                        "sms",
                        "list",
                        "endReminder",
                        "endSms",
                        "endList"),
                workflow.activities().stream().map(ActivityDefinition::id).toList());

        assertEquals("emailDelivery", activity(workflow, "offer").type());
        assertEquals(String.valueOf(OFFER), config(workflow, "offer", "delivery"));
        assertEquals("true", config(workflow, "offer", "outbound"));
        assertEquals("emailDelivery", activity(workflow, "reminder").type());
        assertEquals(String.valueOf(REMINDER), config(workflow, "reminder", "delivery"));
        assertEquals("smsDelivery", activity(workflow, "sms").type());
        assertEquals(String.valueOf(SMS), config(workflow, "sms", "delivery"));
        assertEquals(DemoCampaignData.LIST_NAME, config(workflow, "list", "list"));
        assertEquals("2", config(workflow, "wait", "minutes"));
        assertEquals(Map.of("minutes", "2"), activity(workflow, "wait").config());
        assertTrue(config(workflow, "split", "subset.3.condition").contains("\"incoming\""));

        assertEquals(
                List.of(
                        "start.out>query",
                        "query.out>offer",
                        "offer.out>wait",
                        "wait.out>split",
                        "split.subset1>reminder",
                        "split.subset2>sms",
                        "split.subset3>list",
                        "reminder.out>endReminder",
                        "sms.out>endSms",
                        "list.out>endList"),
                workflow.transitions().stream().map(TransitionDefinition::id).toList());
        for (TransitionDefinition t : workflow.transitions()) {
            assertEquals(t.fromActivity() + "." + t.fromOutput() + ">" + t.toActivity(), t.id(), "the default id");
        }
    }

    @Test
    void everyActivityHasALabelAndAPositionLeftToRight() {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(filled))) {
            root = reader.readObject();
        }
        Map<String, int[]> xy = root.getJsonArray("activities").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(a -> a.getString("id"), a ->
                        new int[] {((JsonNumber) a.get("x")).intValue(), ((JsonNumber) a.get("y")).intValue()}));
        root.getJsonArray("activities").stream()
                .map(JsonValue::asJsonObject)
                .forEach(a -> assertFalse(a.getString("label", "").isBlank(), a.getString("id")));
        List<String> mainLine = List.of("start", "query", "offer", "wait", "split");
        for (int i = 1; i < mainLine.size(); i++) {
            assertEquals(170, xy.get(mainLine.get(i))[0] - xy.get(mainLine.get(i - 1))[0], mainLine.get(i));
            assertEquals(xy.get("start")[1], xy.get(mainLine.get(i))[1], mainLine.get(i));
        }
        assertEquals(110, xy.get("sms")[1] - xy.get("reminder")[1]);
        assertEquals(110, xy.get("list")[1] - xy.get("sms")[1]);
        assertEquals(xy.get("split")[1], xy.get("sms")[1], "the middle branch in line with the split");
        for (String branch : List.of("reminder", "sms", "list")) {
            assertEquals(xy.get("split")[0] + 280, xy.get(branch)[0], () -> branch + ": room for the subset labels");
        }
    }

    @Test
    void theFilledDiagramPassesTheEngineChecksAndItsConditionsAreValid() {
        ActivityRegistry registry = BuiltInActivities.registry()
                .register(new ListUpdateActivity())
                .register(new DeliveryStandIn("emailDelivery"))
                .register(new DeliveryStandIn("smsDelivery"));
        WorkflowDefinition workflow = WorkflowJson.parse(filled);
        assertEquals(List.of(), WorkflowValidator.validate(workflow, registry));
        List<String> problems = new ArrayList<>();
        for (ActivityDefinition a : workflow.activities()) {
            a.config().forEach((key, value) -> {
                if (key.equals("condition") || key.endsWith(".condition")) {
                    ConditionValidator.validate(ConditionJson.fromJson(value))
                            .forEach(p -> problems.add(a.id() + " " + key + ": " + p.message()));
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void fillingRefusesBadIdsAndUnknownPlaceholders() {
        assertThrows(IllegalArgumentException.class, () -> DemoCampaignData.workflow(0, REMINDER, SMS));
        String template = DemoCampaignData.template();
        assertThrows(
                IllegalStateException.class,
                () -> DemoCampaignData.fill(template.replace("${smsDelivery}", "${other}"), OFFER, REMINDER, SMS));
        assertThrows(
                IllegalStateException.class, () -> DemoCampaignData.fill(template + "${extra}", OFFER, REMINDER, SMS));
    }

    @Test
    void theCampaignAndItsContentsAreValidDemoData() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        CampaignContent campaign = DemoCampaignData.campaign(today);
        assertEquals(List.of(), campaign.problems());
        assertEquals(today, campaign.startDate());
        assertEquals(LocalDate.of(2026, 4, 10), campaign.endDate());
        assertEquals("marketer", campaign.owner());
        assertTrue(campaign.description().toLowerCase().contains("demo"));

        DeliveryContent offer = DemoCampaignData.offerEmail();
        assertTrue(offer.htmlBody().contains("{{firstName}}"));
        assertTrue(offer.htmlBody().contains("<a href=\"https://shop.example.com/spring-offer\" data-label=\"offer\""));
        assertTrue(offer.htmlBody().contains(">See the offer</a>"));
        assertEquals(
                List.of("offer", "stores"),
                LinkRewriter.rewrite(offer.htmlBody(), "-").links().stream()
                        .filter(link -> link.url().startsWith("https://shop.example.com/"))
                        .filter(link -> !LinkRewriter.HONEYPOT_LABEL.equals(link.label()))
                        .map(TrackedLink::label)
                        .toList(),
                "the tracked links, the offer's labelled as the Split looks for it");
        assertEquals(2, offer.htmlBody().split("<a ", -1).length - 1, "the offer and a second link");
        assertTrue(DemoCampaignData.reminderEmail().subject().startsWith("Reminder"));
        for (DeliveryContent email : List.of(offer, DemoCampaignData.reminderEmail())) {
            assertEquals(
                    List.of(),
                    Personalization.problems(email.subject(), email.htmlBody(), email.textBody()),
                    email.label());
            assertEquals("shop@example.com", email.senderAddress());
        }

        DeliveryContent sms = DemoCampaignData.sms();
        String text = sms.textBody().replace("{{firstName}}", "Hélène");
        assertEquals(List.of(), Personalization.problems(ContentPart.SMS, sms.textBody()));
        assertTrue(sms.senderName().matches("[A-Za-z0-9 ._-]{1,11}"), "an alphanumeric sender id");
        assertTrue(Gsm7.canEncode(text), text);
        assertTrue(Gsm7.septets(text) <= 160, "one part: " + Gsm7.septets(text));
        assertEquals(
                Set.of(DemoCampaignData.OFFER_LABEL, DemoCampaignData.REMINDER_LABEL, DemoCampaignData.SMS_LABEL),
                Set.of(offer.label(), DemoCampaignData.reminderEmail().label(), sms.label()));
    }

    private static ActivityDefinition activity(WorkflowDefinition workflow, String id) {
        return workflow.activity(id).orElseThrow(() -> new AssertionError("no activity " + id));
    }

    private static String config(WorkflowDefinition workflow, String id, String key) {
        return activity(workflow, id).config(key).orElseThrow(() -> new AssertionError(id + " has no " + key));
    }

    /** The container's delivery activities check their delivery in the database: here only the shape counts. */
    private record DeliveryStandIn(String type) implements ActivityType {

        @Override
        public List<String> outputs(ActivityDefinition def) {
            return "true".equals(def.config("outbound").orElse("false")) ? List.of("out") : List.of();
        }

        @Override
        public List<Text> validate(ActivityDefinition def) {
            return def.config("delivery").filter(id -> id.matches("[1-9]\\d*")).isPresent()
                    ? List.of()
                    : List.of(Text.verbatim("no delivery id"));
        }

        @Override
        public NextAction execute(ActivityContext ctx) {
            throw new UnsupportedOperationException();
        }
    }
}
