package io.crosscast.delivery.internal;

import io.crosscast.audience.contact.EmailAddresses;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.content.ContentPart;
import io.crosscast.content.LinkRewriter;
import io.crosscast.content.Personalization;
import io.crosscast.content.TrackedLink;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryProblem;
import io.crosscast.delivery.DeliveryProblem.Code;
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

    /** The longest sender name. */
    public static final int MAX_SENDER_NAME = 200;

    /** The longest subject (a header line, RFC 5322). */
    public static final int MAX_SUBJECT = 998;

    @PersistenceContext
    private EntityManager em;

    /** Every problem, with its code for translations; empty when the content can be saved (or sent). */
    public List<DeliveryProblem> problems(Channel channel, DeliveryContent content, boolean toSend) {
        List<DeliveryProblem> problems = new ArrayList<>();
        String label = content.label() == null ? "" : content.label().strip();
        if (label.isEmpty()) {
            problems.add(DeliveryProblem.of(Code.LABEL_REQUIRED));
        } else if (label.length() > MAX_LABEL) {
            problems.add(DeliveryProblem.of(Code.LABEL_TOO_LONG, MAX_LABEL));
        }
        if (channel == Channel.SMS) {
            smsProblems(content, toSend, problems);
            return problems;
        }
        address(Code.SENDER_ADDRESS_INVALID, content.senderAddress(), problems);
        address(Code.REPLY_TO_INVALID, content.replyTo(), problems);
        if (content.senderName() != null && content.senderName().strip().length() > MAX_SENDER_NAME) {
            problems.add(DeliveryProblem.of(Code.SENDER_NAME_TOO_LONG, MAX_SENDER_NAME));
        }
        if (content.subject() != null && content.subject().length() > MAX_SUBJECT) {
            problems.add(DeliveryProblem.of(Code.SUBJECT_TOO_LONG, MAX_SUBJECT));
        }
        // A draft may be saved half-written: each part written so far is checked; what sending needs is
        // checked when it is about to be sent.
        personalisation(ContentPart.SUBJECT, content.subject(), problems);
        personalisation(ContentPart.HTML, content.htmlBody(), problems);
        if (!blank(content.htmlBody())) {
            problems.addAll(DeliveryProblem.ofContent(
                    LinkRewriter.checkLinks(content.htmlBody()).problems()));
        }
        personalisation(ContentPart.TEXT, content.textBody(), problems);
        if (toSend && channel == Channel.EMAIL) {
            if (blank(content.senderAddress())) {
                problems.add(DeliveryProblem.of(Code.SENDER_ADDRESS_REQUIRED));
            }
            if (blank(content.subject())) {
                problems.add(DeliveryProblem.of(Code.SUBJECT_REQUIRED));
            }
            if (blank(content.htmlBody())) {
                problems.add(DeliveryProblem.of(Code.HTML_BODY_REQUIRED));
            }
        }
        return problems;
    }

    /**
     * The content as it is saved: the links of an email's HTML body normalised in place as browsers read them
     * ({@code LinkUrl}), so what is stored, shown and sent is the URL a click leads to. Links that cannot be
     * normalised stay as written: {@link #problems} refuses them.
     */
    public DeliveryContent withLinksNormalised(Channel channel, DeliveryContent content) {
        if (channel != Channel.EMAIL || blank(content.htmlBody())) {
            return content;
        }
        String html = LinkRewriter.checkLinks(content.htmlBody()).html();
        return html.equals(content.htmlBody())
                ? content
                : new DeliveryContent(
                        content.label(),
                        content.senderName(),
                        content.senderAddress(),
                        content.replyTo(),
                        content.subject(),
                        html,
                        content.textBody());
    }

    /** Numbers the links of the delivery's HTML body and stores them: clicks resolve through this table. */
    public void freezeLinks(Delivery delivery) {
        if (blank(delivery.getHtmlBody())) {
            return;
        }
        List<TrackedLink> links =
                LinkRewriter.rewrite(delivery.getHtmlBody(), "-").links();
        for (TrackedLink link : links) {
            NativeSql.update(
                    em,
                    "INSERT INTO delivery_link (delivery_id, link_index, url, label) VALUES (?, ?, ?, ?)",
                    Arrays.asList(delivery.getId(), link.index(), link.url(), link.label()));
        }
    }

    /** An SMS: a sender id (its sender name) and a text (its text body). */
    private static void smsProblems(DeliveryContent content, boolean toSend, List<DeliveryProblem> problems) {
        String sender = content.senderName() == null ? "" : content.senderName().strip();
        if (!sender.isEmpty() && !sender.matches("\\+?\\d{3,15}") && !sender.matches("[A-Za-z0-9 ._-]{1,11}")) {
            problems.add(DeliveryProblem.of(Code.SENDER_ID_INVALID, sender));
        }
        String text = content.textBody();
        if (!blank(text)) {
            problems.addAll(DeliveryProblem.ofContent(Personalization.problems(ContentPart.SMS, text)));
            if (text.contains("{{" + SmsComposer.LINK + "}}")) {
                problems.add(DeliveryProblem.of(Code.SMS_LINK_UNAVAILABLE, "{{" + SmsComposer.LINK + "}}"));
            }
        }
        if (toSend) {
            if (sender.isEmpty()) {
                problems.add(DeliveryProblem.of(Code.SENDER_ID_REQUIRED));
            }
            if (blank(text)) {
                problems.add(DeliveryProblem.of(Code.TEXT_REQUIRED));
            }
        }
    }

    private static void personalisation(ContentPart part, String template, List<DeliveryProblem> problems) {
        if (!blank(template)) {
            problems.addAll(DeliveryProblem.ofContent(Personalization.problems(part, template)));
        }
    }

    private static void address(Code code, String value, List<DeliveryProblem> problems) {
        if (blank(value)) {
            return;
        }
        try {
            EmailAddresses.normalise(value);
        } catch (InvalidContactException e) {
            problems.add(DeliveryProblem.of(code, value.strip()));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
