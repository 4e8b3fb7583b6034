package io.crosscast.delivery;

import io.crosscast.audience.Recipient;
import io.crosscast.content.InvalidContentException;
import io.crosscast.content.Personalization;
import io.crosscast.content.RecipientValues;
import io.crosscast.content.RenderedEmail;
import io.crosscast.delivery.internal.DkimKeys;
import io.crosscast.delivery.internal.OutgoingEmail;
import io.crosscast.delivery.internal.ProofBatch;
import io.crosscast.delivery.internal.SmtpLink;
import io.crosscast.delivery.internal.SmtpOutcome;
import io.crosscast.delivery.sms.SmsComposer;
import io.crosscast.delivery.sms.SmsContent;
import io.crosscast.tracking.TrackingLinks;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Previews and proofs of a delivery (draft or sent): its current content rendered for one recipient, shown
 * to the marketer or mailed to a few test addresses (a "BAT"). Nothing is tracked and the ledger is never
 * touched: links lead straight to their URLs, the open pixel is inline, and the unsubscription link is a
 * token for recipient 0, which names nobody (see {@link io.crosscast.delivery.internal.PreviewUrls}).
 * Recipient 0 also means "no recipient": personalisation fields render empty. An SMS delivery has a preview
 * ({@link #previewSms}) and no proof.
 */
@Stateless
public class DeliveryProofs {

    private static final Logger LOG = Logger.getLogger(DeliveryProofs.class.getName());

    @EJB
    private DeliveryService deliveries;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TrackingLinks links;

    @Resource(lookup = "java:jboss/mail/Crosscast")
    private Session mailSession;

    @Inject
    private DkimKeys dkim;

    /**
     * The delivery's content as {@code recipientId} would receive it (0: no recipient).
     *
     * @throws DeliveryException NOT_FOUND (delivery or recipient), INVALID (the content cannot be rendered)
     */
    public RenderedEmail preview(long deliveryId, long recipientId) {
        Delivery delivery = email(deliveries.get(deliveryId));
        require(deliveries.problems(delivery.getChannel(), delivery.content(), false));
        Recipient recipient = recipient(recipientId);
        try {
            return ProofBatch.preview(delivery, harmlessUnsubscribeUrl(deliveryId))
                    .render(values(recipient), language(recipient));
        } catch (InvalidContentException e) {
            throw DeliveryException.invalid(DeliveryProblem.ofContent(e.problems()));
        }
    }

    /**
     * Mails the delivery, rendered for {@code recipientId} (0: no recipient) and with its subject prefixed
     * by {@value ProofBatch#PROOF_PREFIX}, to each of up to {@value ProofAddresses#MAX} addresses. The content
     * must be ready to send. Returns how many addresses the SMTP server accepted.
     *
     * @throws DeliveryException NOT_FOUND (delivery or recipient), INVALID (content not ready to send, or bad
     *                           addresses: the message lists them), CONFLICT (the SMTP server refused some or
     *                           all of the proofs, or could not be reached, or the sender domain's DKIM key
     *                           cannot be read; the message says which)
     */
    public int proof(long deliveryId, long recipientId, List<String> addresses) {
        Delivery delivery = email(deliveries.get(deliveryId));
        List<DeliveryProblem> problems =
                new ArrayList<>(deliveries.problems(delivery.getChannel(), delivery.content(), true));
        problems.addAll(ProofAddresses.problems(addresses));
        require(problems);
        Recipient recipient = recipient(recipientId);
        ProofBatch batch = ProofBatch.proof(delivery, harmlessUnsubscribeUrl(deliveryId));
        RecipientValues values = values(recipient);
        String language = language(recipient);

        int accepted = 0;
        List<String> refused = new ArrayList<>();
        List<String> to = ProofAddresses.distinct(addresses);
        OutgoingEmail outgoing; // a proof is what recipients get: Feedback-ID and DKIM signature included
        try {
            outgoing = OutgoingEmail.of(delivery, dkim);
        } catch (DkimKeys.DkimKeyException e) {
            throw DeliveryException.refused(
                    DeliveryProblem.of(DeliveryProblem.Code.PROOF_REFUSED, 0, to.size(), e.getMessage()));
        }
        try (SmtpLink smtp = new SmtpLink(mailSession)) {
            for (String address : to) {
                MimeMessage message;
                try {
                    message = outgoing.finish(
                            batch.compose(mailSession, values, language, address, messageId(deliveryId)));
                } catch (MessagingException | IllegalArgumentException e) {
                    refused.add(address + " (the message could not be built: " + e.getMessage() + ")");
                    continue;
                }
                SmtpOutcome outcome = smtp.send(message);
                if (outcome.kind() == SmtpOutcome.Kind.ACCEPTED) {
                    accepted++;
                } else {
                    refused.add(address + " (" + outcome.reason() + ")");
                }
            }
        } catch (InvalidContentException e) {
            throw DeliveryException.invalid(DeliveryProblem.ofContent(e.problems()));
        }
        LOG.info("Proof of delivery " + deliveryId + " sent to " + accepted + " of " + to.size() + " address(es)");
        if (!refused.isEmpty()) {
            throw DeliveryException.refused(DeliveryProblem.of(
                    DeliveryProblem.Code.PROOF_REFUSED, accepted, to.size(), String.join("; ", refused)));
        }
        return accepted;
    }

    /**
     * An SMS delivery's text as {@code recipientId} (0: no recipient) would receive it, with its own encoding,
     * length and number of parts, which personalisation changes per recipient. Nothing is sent.
     *
     * @throws DeliveryException NOT_FOUND (delivery or recipient), INVALID (not an SMS delivery, or the text
     *                           is empty or cannot be rendered)
     */
    public SmsPreview previewSms(long deliveryId, long recipientId) {
        Delivery delivery = deliveries.get(deliveryId);
        if (delivery.getChannel() != Channel.SMS) {
            throw DeliveryException.invalid(
                    DeliveryProblem.of(DeliveryProblem.Code.EMAIL_HAS_NO_SMS_PREVIEW, delivery.getLabel()));
        }
        require(deliveries.problems(delivery.getChannel(), delivery.content(), false));
        Recipient recipient = recipient(recipientId);
        try {
            SmsContent sms = SmsComposer.compile(delivery.getTextBody())
                    .compose(values(recipient)
                            .withEnrichment(Personalization.enrichmentPlaceholders(delivery.getTextBody())));
            return new SmsPreview(
                    delivery.getSenderName(),
                    recipient == null ? null : recipient.getMobilePhone(),
                    sms.text(),
                    sms.length());
        } catch (InvalidContentException e) {
            throw DeliveryException.invalid(DeliveryProblem.ofContent(e.problems()));
        }
    }

    /** The delivery when it is an email delivery, else INVALID: text messages have no email preview or proof. */
    private static Delivery email(Delivery delivery) {
        if (delivery.getChannel() != Channel.EMAIL) {
            throw DeliveryException.invalid(
                    DeliveryProblem.of(DeliveryProblem.Code.SMS_HAS_NO_EMAIL_PREVIEW, delivery.getLabel()));
        }
        return delivery;
    }

    private Recipient recipient(long recipientId) {
        if (recipientId <= 0) {
            return null;
        }
        Recipient recipient = em.find(Recipient.class, recipientId);
        if (recipient == null) {
            throw DeliveryException.notFound(DeliveryProblem.of(DeliveryProblem.Code.RECIPIENT_NOT_FOUND, recipientId));
        }
        return recipient;
    }

    private static RecipientValues values(Recipient r) {
        if (r == null) {
            return new RecipientValues(0, null, null, null, null, null, null, null, null);
        }
        // Tracking URLs are never issued for the recipient: the id given to the composer is 0.
        return new RecipientValues(
                0,
                r.getFirstName(),
                r.getLastName(),
                r.getEmail(),
                r.getMobilePhone(),
                r.getStatus() == null ? null : r.getStatus().name(),
                r.getCountry(),
                r.getLanguage(),
                r.getBirthDate());
    }

    private static String language(Recipient r) {
        return r == null ? null : r.getLanguage();
    }

    /** An unsubscription URL for recipient 0: the page says the link is not valid, and nobody is opted out. */
    private String harmlessUnsubscribeUrl(long deliveryId) {
        return links.unsubscribeUrl(deliveryId, 0);
    }

    /** A new Message-ID for each proof: mail clients hide a second message with an ID they have seen. */
    private String messageId(long deliveryId) {
        String host;
        try {
            host = URI.create(links.publicUrl()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return "<proof." + deliveryId + "." + UUID.randomUUID() + "@"
                + (host == null || host.isBlank() ? "crosscast.invalid" : host) + ">";
    }

    private static void require(List<DeliveryProblem> problems) {
        if (!problems.isEmpty()) {
            throw DeliveryException.invalid(problems);
        }
    }
}
