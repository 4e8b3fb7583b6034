package io.crosscast.delivery.internal;

import io.crosscast.audience.contact.EmailAddresses;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.content.ContentPart;
import io.crosscast.delivery.content.LinkRewriter;
import io.crosscast.delivery.content.Personalization;
import io.crosscast.delivery.content.TrackedLink;
import io.crosscast.delivery.sms.SmsComposer;
import io.crosscast.platform.sql.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a delivery's content (a draft needs a label and valid addresses and personalisation; to be sent
 * it also needs a sender, a subject and a body) and, when its sending starts, freezes its tracked links
 * into {@code delivery_link}.
 */
@ApplicationScoped
public class ContentCheck {

    /** The longest label (the column's size). */
    public static final int MAX_LABEL = 200;

    @PersistenceContext
    private EntityManager em;

    /** Every problem, as messages for the user; empty when the content can be saved (or sent). */
    public List<String> problems(Channel channel, DeliveryContent content, boolean toSend) {
        List<String> problems = new ArrayList<>();
        String label = content.label() == null ? "" : content.label().strip();
        if (label.isEmpty()) {
            problems.add("The label is required.");
        } else if (label.length() > MAX_LABEL) {
            problems.add("The label has at most " + MAX_LABEL + " characters.");
        }
        if (channel == Channel.SMS) {
            smsProblems(content, toSend, problems);
            return problems;
        }
        address("sender address", content.senderAddress(), problems);
        address("reply-to address", content.replyTo(), problems);
        if (content.senderName() != null && content.senderName().strip().length() > 200) {
            problems.add("The sender name has at most 200 characters.");
        }
        if (content.subject() != null && content.subject().length() > 998) {
            problems.add("The subject has at most 998 characters.");
        }
        // A draft may be saved half-written: each part written so far is checked; what sending needs is
        // checked when it is about to be sent.
        personalisation(ContentPart.SUBJECT, content.subject(), problems);
        personalisation(ContentPart.HTML, content.htmlBody(), problems);
        personalisation(ContentPart.TEXT, content.textBody(), problems);
        if (toSend && channel == Channel.EMAIL) {
            if (blank(content.senderAddress())) {
                problems.add("A sender address is required to send.");
            }
            if (blank(content.subject())) {
                problems.add("A subject is required to send.");
            }
            if (blank(content.htmlBody())) {
                problems.add("An HTML body is required to send (the text version is derived from it when empty).");
            }
        }
        return problems;
    }

    /** Numbers the links of the delivery's HTML body and stores them: clicks resolve through this table. */
    public void freezeLinks(Delivery delivery) {
        if (blank(delivery.getHtmlBody())) {
            return;
        }
        List<TrackedLink> links = LinkRewriter.rewrite(delivery.getHtmlBody(), "-").links();
        for (TrackedLink link : links) {
            NativeSql.update(em, "INSERT INTO delivery_link (delivery_id, link_index, url, label) VALUES (?, ?, ?, ?)",
                    Arrays.asList(delivery.getId(), link.index(), link.url(), link.label()));
        }
    }

    /** An SMS: a sender id (its sender name) and a text (its text body). */
    private static void smsProblems(DeliveryContent content, boolean toSend, List<String> problems) {
        String sender = content.senderName() == null ? "" : content.senderName().strip();
        if (!sender.isEmpty() && !sender.matches("\\+?\\d{3,15}") && !sender.matches("[A-Za-z0-9 ._-]{1,11}")) {
            problems.add("The sender id '" + sender + "' must be a phone number or at most 11 letters and digits.");
        }
        String text = content.textBody();
        if (!blank(text)) {
            Personalization.problems(ContentPart.SMS, text).forEach(p -> problems.add(p.message()));
            if (text.contains("{{" + SmsComposer.LINK + "}}")) {
                problems.add("Tracked links ({{link}}) in text messages are not available yet: write the URL itself.");
            }
        }
        if (toSend) {
            if (sender.isEmpty()) {
                problems.add("A sender id is required to send.");
            }
            if (blank(text)) {
                problems.add("A text is required to send.");
            }
        }
    }

    private static void personalisation(ContentPart part, String template, List<String> problems) {
        if (!blank(template)) {
            Personalization.problems(part, template).forEach(p -> problems.add(p.message()));
        }
    }

    private static void address(String what, String value, List<String> problems) {
        if (blank(value)) {
            return;
        }
        try {
            EmailAddresses.normalise(value);
        } catch (InvalidContactException e) {
            problems.add("The " + what + " '" + value.strip() + "' is not a valid email address.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
