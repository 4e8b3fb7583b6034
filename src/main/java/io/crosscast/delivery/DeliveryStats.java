package io.crosscast.delivery;

/**
 * A delivery's figures from its ledger and tracking logs. Opened counts recipients with an open or a
 * click (a click implies an open even when images were blocked); rates are over {@link #sent()}, which
 * counts every message the server accepted, whatever its receipt said since.
 *
 * <p>{@link #delivered()} and {@link #undelivered()} are SMS receipts: the messages the SMSC reported as
 * reaching the phone, or as never reaching it (always 0 for an email delivery). Messages still {@code SENT}
 * of an SMS delivery await their receipt.
 *
 * <p>{@link #hardBounces()} and {@link #softBounces()} are email recipients whose message bounced after the SMTP
 * server had accepted it (read from the bounce mailbox): a hard bounce also made the message FAILED (so it counts in
 * {@link #failed()} and no longer in {@link #sent()}); a soft one (a full mailbox, a delay) leaves it sent.
 */
public record DeliveryStats(
        long targeted,
        long pending,
        long sent,
        long failed,
        long excluded,
        long opened,
        long clicked,
        long unsubscribed,
        long delivered,
        long undelivered,
        long hardBounces,
        long softBounces)
        implements java.io.Serializable {

    /** Figures without bounces. */
    public DeliveryStats(
            long targeted,
            long pending,
            long sent,
            long failed,
            long excluded,
            long opened,
            long clicked,
            long unsubscribed,
            long delivered,
            long undelivered) {
        this(targeted, pending, sent, failed, excluded, opened, clicked, unsubscribed, delivered, undelivered, 0, 0);
    }

    /** Figures without receipts: an email delivery's. */
    public DeliveryStats(
            long targeted,
            long pending,
            long sent,
            long failed,
            long excluded,
            long opened,
            long clicked,
            long unsubscribed) {
        this(targeted, pending, sent, failed, excluded, opened, clicked, unsubscribed, 0, 0, 0, 0);
    }

    public double openRate() {
        return rate(opened);
    }

    public double clickRate() {
        return rate(clicked);
    }

    /** Share of the sent messages that reached the phone (SMS). */
    public double deliveredRate() {
        return rate(delivered);
    }

    /** Share of the sent messages that never reached the phone (SMS). */
    public double undeliveredRate() {
        return rate(undelivered);
    }

    /** Sent messages of an SMS delivery whose receipt has not come back (yet). */
    public long awaitingReceipt() {
        return Math.max(0, sent - delivered - undelivered);
    }

    /** Share of the targeted recipients whose message is settled (not pending), 0 to 100. */
    public int progressPercent() {
        return targeted == 0 ? 100 : (int) ((targeted - pending) * 100 / targeted);
    }

    private double rate(long count) {
        return sent == 0 ? 0 : (double) count / sent;
    }
}
