package io.crosscast.delivery.internal;

import io.crosscast.content.EmailContent;
import io.crosscast.content.LinkRewriter;
import io.crosscast.content.Personalization;
import io.crosscast.content.RecipientValues;
import io.crosscast.content.RenderedEmail;
import io.crosscast.delivery.Delivery;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;

/**
 * A delivery's content compiled for previews and proofs: rendered for one recipient like the real
 * sending (personalisation, the unsubscription line in the recipient's language), but with
 * {@link PreviewUrls} instead of tracking URLs, so nothing is recorded. A proof's subject starts with
 * {@link #PROOF_PREFIX}. Plain Java (Jakarta Mail for the message).
 */
public final class ProofBatch {

    /** What a proof's subject starts with. */
    public static final String PROOF_PREFIX = "[Proof] ";

    /** The From address a preview uses while the draft has none yet (it is not shown). */
    static final String PREVIEW_SENDER = "preview@example.com";

    private final LanguageComposers composers;
    private final Map<String, String> placeholders;

    private ProofBatch(EmailContent content, PreviewUrls urls) {
        this.composers = new LanguageComposers(content, urls);
        // A proof or preview has no workflow run: an enrichment value shows as its placeholder, {{enrichment.x}}.
        this.placeholders = Personalization.enrichmentPlaceholders(content.subject(), content.html(), content.text());
    }

    /** The values with each enrichment value the content uses shown as its placeholder. */
    private RecipientValues withPlaceholders(RecipientValues values) {
        return placeholders.isEmpty() ? values : values.withEnrichment(placeholders);
    }

    /** For previews: the content as it is; a missing sender does not matter. */
    public static ProofBatch preview(Delivery delivery, String unsubscribeUrl) {
        return of(delivery, unsubscribeUrl, "");
    }

    /** For proofs: the subject starts with {@link #PROOF_PREFIX}. */
    public static ProofBatch proof(Delivery delivery, String unsubscribeUrl) {
        return of(delivery, unsubscribeUrl, PROOF_PREFIX);
    }

    private static ProofBatch of(Delivery delivery, String unsubscribeUrl, String subjectPrefix) {
        String sender = delivery.getSenderAddress() == null
                        || delivery.getSenderAddress().isBlank()
                ? PREVIEW_SENDER
                : delivery.getSenderAddress();
        String subject = delivery.getSubject() == null ? null : subjectPrefix + delivery.getSubject();
        EmailContent content = new EmailContent(
                delivery.getSenderName(),
                sender,
                delivery.getReplyTo(),
                subject,
                delivery.getHtmlBody(),
                delivery.getTextBody());
        // The same numbering as the real sending (ContentCheck.freezeLinks): the unsubscription text does not count.
        String html = delivery.getHtmlBody() == null ? "" : delivery.getHtmlBody();
        return new ProofBatch(
                content, new PreviewUrls(LinkRewriter.rewrite(html, "-").links(), unsubscribeUrl));
    }

    /** Subject and bodies as this recipient would get them, without tracking. */
    public RenderedEmail render(RecipientValues values, String language) {
        return composers.of(language).preview(withPlaceholders(values));
    }

    /** The proof message to one address. */
    public MimeMessage compose(Session session, RecipientValues values, String language, String to, String messageId)
            throws MessagingException {
        return composers.of(language).compose(session, withPlaceholders(values), to, messageId);
    }

    /** Warnings about the content's links (untracked ones, labels cut short). */
    public List<String> warnings(String language) {
        return composers.of(language).warnings();
    }
}
