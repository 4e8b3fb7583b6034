package io.crosscast.delivery.internal;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What every message of a delivery gets once composed, proofs included: the {@code Feedback-ID} header that
 * mailbox providers' feedback loops report spam complaints by (Gmail's format {@code a:b:c:SenderId}: here
 * {@code <campaign id or 0>:<delivery id>:<channel>:crosscast}), then the DKIM signature of its sender domain
 * when the administrator configured one ({@link DkimKeys}). Thread-safe.
 */
public final class OutgoingEmail {

    public static final String FEEDBACK_ID = "Feedback-ID";

    /** The last field of the Feedback-ID: who sends, the same for every message. */
    static final String SENDER_ID = "crosscast";

    private final String feedbackId;
    private final DkimSigning signing;

    OutgoingEmail(String feedbackId, DkimSigning signing) {
        this.feedbackId = Objects.requireNonNull(feedbackId, "feedbackId");
        this.signing = signing;
    }

    /**
     * For the messages of a delivery, signed when its sender's domain has a DKIM key.
     *
     * @throws DkimKeys.DkimKeyException if that domain has a DKIM selector but its key cannot be read
     */
    public static OutgoingEmail of(Delivery delivery, DkimKeys keys) {
        Optional<DkimSigning> signing = keys.forSender(delivery.getSenderAddress());
        long deliveryId = delivery.getId() == null ? 0 : delivery.getId();
        return new OutgoingEmail(
                feedbackId(delivery.getCampaignId(), deliveryId, delivery.getChannel()), signing.orElse(null));
    }

    /** {@code <campaign id or 0>:<delivery id>:<channel>:crosscast}, e.g. {@code 12:345:email:crosscast}. */
    static String feedbackId(Long campaignId, long deliveryId, Channel channel) {
        return (campaignId == null ? 0 : campaignId) + ":" + deliveryId + ":"
                + channel.name().toLowerCase(Locale.ROOT) + ":" + SENDER_ID;
    }

    /** The DKIM signing of these messages, if any. */
    public Optional<DkimSigning> signing() {
        return Optional.ofNullable(signing);
    }

    /** The composed (saved) message with its Feedback-ID, signed if a key applies; it keeps its Message-ID. */
    public MimeMessage finish(MimeMessage composed) throws MessagingException {
        composed.setHeader(FEEDBACK_ID, feedbackId);
        return signing == null ? composed : signing.sign(composed);
    }
}
