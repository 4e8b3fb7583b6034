package io.crosscast.campaign;

import io.crosscast.delivery.DeliveryContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * What the demo campaign of the run command holds, plain Java: the campaign's properties, its three
 * deliveries' contents, and its diagram, the seed workflow (Query Gold members with email and mobile ->
 * Email offer -> Wait 2 minutes -> Split: neither opened nor clicked / opened but did not click / clicked
 * the offer -> Email reminder / SMS / List update -> End). The diagram is the template
 * {@value #TEMPLATE} (beside this class) whose placeholders {@code ${offerDelivery}},
 * {@code ${reminderDelivery}}, {@code ${smsDelivery}} and {@code ${listName}} {@link #workflow} fills.
 * {@link DemoCampaign} writes it all into the database.
 */
public final class DemoCampaignData {

    /** The campaign's label. */
    public static final String LABEL = "Spring offer for Gold members";

    /** The list that the List update activity fills with those who clicked the offer. */
    public static final String LIST_NAME = "Clicked the spring offer";

    /** The demo campaign's owner: the demo user. */
    public static final String OWNER = "marketer";

    /** The diagram template, a resource beside this class. */
    static final String TEMPLATE = "demo-workflow.json";

    /** The deliveries' labels. */
    public static final String OFFER_LABEL = "Spring offer";

    public static final String REMINDER_LABEL = "Reminder: your spring offer";
    public static final String SMS_LABEL = "Spring offer by SMS";

    private static final String SENDER_NAME = "Crosscast Shop";
    private static final String SENDER_ADDRESS = "shop@example.com";

    private DemoCampaignData() {}

    /** The campaign's properties: from today, for a month. */
    public static CampaignContent campaign(LocalDate today) {
        return new CampaignContent(
                LABEL,
                "Demo campaign, created by the run command's development server: the seed workflow, ready to"
                        + " start. Gold members with an email address and a mobile phone get a spring offer by"
                        + " email; two minutes later, those who neither opened nor clicked get a reminder, those"
                        + " who opened without clicking get a text message, and those who clicked the offer join"
                        + " the list '" + LIST_NAME + "'.",
                today,
                today.plusMonths(1),
                OWNER);
    }

    /** The offer email: a personalised greeting, the tracked offer link (labelled "offer") and a second link. */
    public static DeliveryContent offerEmail() {
        return new DeliveryContent(
                OFFER_LABEL,
                SENDER_NAME,
                SENDER_ADDRESS,
                null,
                "{{firstName}}, your Gold spring offer is here",
                """
                <html><body style="font-family: Arial, sans-serif; color: #333333">
                <h1 style="color: #2e7d32">Spring offer</h1>
                <p>Hello {{firstName}},</p>
                <p>As a Gold member, you get 20% off the whole spring collection until the end of the month.</p>
                <p><a href="https://shop.example.com/spring-offer" data-label="offer"
                   style="background: #2e7d32; color: #ffffff; padding: 8px 16px; text-decoration: none">See the offer</a></p>
                <p>Rather try things on?
                   <a href="https://shop.example.com/stores" data-label="stores">Find a store</a> near you.</p>
                <p>See you soon,<br>The Crosscast Shop team</p>
                </body></html>
                """,
                null);
    }

    /** The reminder email, for those who neither opened nor clicked the offer. */
    public static DeliveryContent reminderEmail() {
        return new DeliveryContent(
                REMINDER_LABEL,
                SENDER_NAME,
                SENDER_ADDRESS,
                null,
                "Reminder: your spring offer ends soon, {{firstName}}",
                """
                <html><body style="font-family: Arial, sans-serif; color: #333333">
                <p>Hello {{firstName}},</p>
                <p>Your Gold spring offer (20% off the spring collection) ends at the end of the month.</p>
                <p><a href="https://shop.example.com/spring-offer" data-label="offer">See the offer</a></p>
                <p>The Crosscast Shop team</p>
                </body></html>
                """,
                null);
    }

    /** The text message, for those who opened the offer but did not click: short, GSM-7 only. */
    public static DeliveryContent sms() {
        return new DeliveryContent(
                SMS_LABEL,
                "Crosscast",
                null,
                null,
                null,
                null,
                "{{firstName}}, your Gold spring offer: 20% off the spring collection until the end of the month"
                        + " at shop.example.com");
    }

    /** The diagram with the real delivery ids, as a workflow document (docs/WORKFLOW-FORMAT.md). */
    public static String workflow(long offerDelivery, long reminderDelivery, long smsDelivery) {
        return fill(template(), offerDelivery, reminderDelivery, smsDelivery);
    }

    /** The template as stored. */
    static String template() {
        try (InputStream in = DemoCampaignData.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Resource " + TEMPLATE + " is missing beside " + DemoCampaignData.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills the placeholders of {@code template}; every one must be there, and none may be left. */
    static String fill(String template, long offerDelivery, long reminderDelivery, long smsDelivery) {
        String filled = template;
        filled = replace(filled, "offerDelivery", Long.toString(positive(offerDelivery)));
        filled = replace(filled, "reminderDelivery", Long.toString(positive(reminderDelivery)));
        filled = replace(filled, "smsDelivery", Long.toString(positive(smsDelivery)));
        filled = replace(filled, "listName", jsonText(LIST_NAME));
        int left = filled.indexOf("${");
        if (left >= 0) {
            throw new IllegalStateException("Unknown placeholder in " + TEMPLATE + " at: "
                    + filled.substring(left, Math.min(filled.length(), left + 30)));
        }
        return filled;
    }

    private static String replace(String template, String name, String value) {
        String placeholder = "${" + name + "}";
        if (!template.contains(placeholder)) {
            throw new IllegalStateException(TEMPLATE + " lacks the placeholder " + placeholder);
        }
        return template.replace(placeholder, value);
    }

    private static long positive(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("A delivery id is positive: " + id);
        }
        return id;
    }

    /** The text as it goes between the quotes of a JSON string. */
    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
