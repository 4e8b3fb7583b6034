package io.crosscast.delivery;

/**
 * A delivery's figures from its ledger and tracking logs. Opened counts recipients with an open or a
 * click (a click implies an open even when images were blocked); rates are over {@link #sent()}.
 */
public record DeliveryStats(long targeted, long pending, long sent, long failed, long excluded,
                            long opened, long clicked, long unsubscribed) {

    public double openRate() {
        return rate(opened);
    }

    public double clickRate() {
        return rate(clicked);
    }

    public double unsubscribeRate() {
        return rate(unsubscribed);
    }

    /** Share of the targeted recipients whose message is settled (not pending), 0 to 100. */
    public int progressPercent() {
        return targeted == 0 ? 100 : (int) ((targeted - pending) * 100 / targeted);
    }

    private double rate(long count) {
        return sent == 0 ? 0 : (double) count / sent;
    }
}
