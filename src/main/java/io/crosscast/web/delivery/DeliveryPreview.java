package io.crosscast.web.delivery;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.content.RenderedEmail;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryProofs;
import io.crosscast.delivery.SmsPreview;
import io.crosscast.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The preview panel of deliveries/edit.xhtml: {@link DeliveryEditPage}'s draft, saved, rendered for the
 * recipient whose address is typed (none: personalisation fields empty). An email shows its subject, HTML
 * and text; a text message its sender, number and text, with that text's own length (personalisation
 * changes it). The recipient typed here is also the one proofs are rendered for ({@link DeliveryProof}).
 */
@Named
@ViewScoped
public class DeliveryPreview implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeliveryProofs proofs;

    @EJB
    private RecipientService recipients;

    @Inject
    private DeliveryEditPage page;

    private String recipient;
    private Email email;
    private SmsPreview sms;

    /** Saves a draft, then renders it for the recipient whose address is typed. */
    public void show() {
        if (!page.persist()) {
            return;
        }
        Long recipientId = recipientId();
        if (recipientId == null) {
            return;
        }
        if (page.isSms()) {
            showSms(recipientId);
            return;
        }
        try {
            RenderedEmail rendered = proofs.preview(page.getId(), recipientId);
            email = new Email(rendered.subject(), rendered.html(), rendered.text());
        } catch (DeliveryException e) {
            email = null;
            DeliveryUi.show(null, e);
        }
    }

    /** The text for the recipient, with its own length. */
    private void showSms(long recipientId) {
        sms = null;
        String text = page.getForm().getTextBody();
        if (text == null || text.isBlank()) {
            Messages.error(null, Messages.text("delivery.preview.noText"));
            return;
        }
        try {
            sms = proofs.previewSms(page.getId(), recipientId);
        } catch (DeliveryException e) {
            DeliveryUi.show(null, e);
        }
    }

    /** Addresses of recipients starting with what is typed, for the recipient field. */
    public List<String> completeEmail(String query) {
        if (query == null || query.strip().length() < 2) {
            return List.of();
        }
        try {
            return recipients
                    .page(new Rule("email", Operator.STARTS_WITH, List.of(query.strip())), "email", true, 0, 10)
                    .stream()
                    .map(Recipient::getEmail)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (InvalidConditionException e) {
            return List.of();
        }
    }

    /**
     * The recipient of the typed address: 0 when none is typed, null (with a message) when nobody has it.
     * Public for {@link DeliveryProof}, through this bean's proxy.
     */
    public Long recipientId() {
        if (recipient == null || recipient.isBlank()) {
            return 0L;
        }
        List<Recipient> found;
        try {
            found = recipients.page(new Rule("email", Operator.EQUALS, List.of(recipient.strip())), "id", true, 0, 1);
        } catch (InvalidConditionException e) {
            found = List.of();
        }
        if (found.isEmpty()) {
            Messages.error(
                    "deliveryForm:previewRecipient", Messages.text("delivery.preview.noRecipient", recipient.strip()));
            return null;
        }
        return found.get(0).getId();
    }

    /** The address typed in the recipient field. */
    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    /** The email as rendered by the last preview, or null. */
    public Email getEmail() {
        return email;
    }

    /** The text message as rendered by the last preview, or null. */
    public SmsPreview getSms() {
        return sms;
    }

    /** The previewed text's own encoding, length and parts. */
    public String getSmsCounter() {
        return sms == null ? "" : SmsCounter.describe(sms.length(), Messages.bundle());
    }

    /** A rendered email kept by the view (a record: read with method calls, as SmsPreview). */
    public record Email(String subject, String html, String text) implements Serializable {}
}
