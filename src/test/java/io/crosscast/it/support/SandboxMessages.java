package io.crosscast.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For in-container tests: recipients to send to, a delivery sent to them, messages the SMTP sandbox received,
 * and the links of their HTML.
 */
public final class SandboxMessages {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** An href, unless its link is hidden from people (the honeypot that only machines follow). */
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"(?![^>]*aria-hidden=\"true\")");

    private SandboxMessages() {}

    /** The message to an address (waiting for it up to a minute), with its parts. */
    public static MessageContent received(OutboxService outbox, String to) {
        assertTrue(Polling.eventually(PATIENCE, () -> find(outbox, to) != null), "a message to " + to);
        return outbox.read(find(outbox, to).id()).orElseThrow();
    }

    /** The newest of the latest 500 messages whose recipients include {@code to}, or null. */
    public static OutboxMessage find(OutboxService outbox, String to) {
        for (OutboxMessage m : outbox.list(0, 500)) {
            if (m.to() != null && m.to().contains(to)) {
                return m;
            }
        }
        return null;
    }

    /** The latest 10,000 messages whose recipients include {@code token}, newest first. */
    public static List<OutboxMessage> containing(OutboxService outbox, String token) {
        return outbox.list(0, 10_000).stream()
                .filter(m -> m.to() != null && m.to().contains(token))
                .toList();
    }

    /** How many messages each address among them got. */
    public static Map<String, Integer> perRecipient(List<OutboxMessage> messages) {
        Map<String, Integer> counts = new HashMap<>();
        for (OutboxMessage m : messages) {
            counts.merge(m.to(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Creates {@code count} recipients with last name {@code token}, first names P0, P1... and addresses
     * p{i}.{token}@example.com (their emails hold the token, so {@link #containing} finds their messages).
     */
    public static void createRecipients(RecipientService recipients, String token, int count) {
        for (int i = 0; i < count; i++) {
            createRecipient(recipients, token, "P" + i);
        }
    }

    /** Creates a recipient: last name {@code token}, this first name, address {firstname}.{token}@example.com. */
    public static Recipient createRecipient(RecipientService recipients, String token, String firstName) {
        RecipientForm form = new RecipientForm();
        form.setFirstName(firstName);
        form.setLastName(token);
        form.setEmail(firstName.toLowerCase() + "." + token + "@example.com");
        return recipients.create(form);
    }

    /**
     * Creates an email delivery labelled {@code label} ("Hi {{firstName}}", from shop@example.com) and starts sending
     * it to the recipients of {@code token}.
     */
    public static Delivery sendHello(DeliveryService deliveries, String label, String token) {
        Delivery delivery = deliveries.create(
                Channel.EMAIL,
                new DeliveryContent(
                        label, null, "shop@example.com", null, "Hi {{firstName}}", "<p>Hi {{firstName}}</p>", null));
        deliveries.sendToCondition(delivery.getId(), ConditionJson.fromJson(TestDocuments.lastNameIs(token)));
        return delivery;
    }

    /** The href values of an HTML text that people see, in order ({@code &amp;} read as {@code &}). */
    public static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /**
     * The messages whose subject starts with {@code subject} to addresses holding {@code token}, once at least
     * {@code count} have arrived (waiting up to {@code patience}), read whole and sorted by address.
     */
    public static List<MessageContent> receivedWithSubject(
            OutboxService outbox, String subject, String token, int count, Duration patience) {
        assertTrue(
                Polling.eventually(
                        patience, () -> withSubject(outbox, subject, token).size() >= count),
                () -> count + " messages '" + subject + "'");
        return withSubject(outbox, subject, token).stream()
                .map(m -> outbox.read(m.id()).orElseThrow())
                .sorted(Comparator.comparing(c -> c.message().to()))
                .toList();
    }

    /** The latest 10,000 messages to addresses holding {@code token} whose subject starts with {@code subject}. */
    public static List<OutboxMessage> withSubject(OutboxService outbox, String subject, String token) {
        return containing(outbox, token).stream()
                .filter(m -> m.subject() != null && m.subject().startsWith(subject))
                .toList();
    }

    /** The first group of {@code pattern} in an HTML text ({@code &amp;} read as {@code &}); it must be there. */
    public static String first(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertTrue(m.find(), pattern + " in " + html);
        return m.group(1).replace("&amp;", "&");
    }
}
