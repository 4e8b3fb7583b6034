package io.crosscast.tracking;

import java.util.Objects;

/**
 * What a tracking token says: which recipient of which delivery did what. Only a {@link TrackingKind#CLICK}
 * carries a link index (the number of the link in the delivery's HTML body, never its URL); the other kinds
 * have {@link #NO_LINK}.
 *
 * @param kind        what happened
 * @param deliveryId  the delivery, 0 or more
 * @param recipientId the recipient, 0 or more (0 for a proof sent to someone who is not a recipient)
 * @param linkIndex   the link's number for a click (0 or more), otherwise {@link #NO_LINK}
 */
public record TrackingToken(TrackingKind kind, long deliveryId, long recipientId, int linkIndex) {

    /** The link index of a token that is not a click. */
    public static final int NO_LINK = -1;

    /** Checks the values; a click needs a link index, the other kinds must have none. */
    public TrackingToken {
        Objects.requireNonNull(kind, "kind");
        if (deliveryId < 0) {
            throw new IllegalArgumentException("The delivery id must not be negative: " + deliveryId);
        }
        if (recipientId < 0) {
            throw new IllegalArgumentException("The recipient id must not be negative: " + recipientId);
        }
        if (kind == TrackingKind.CLICK && linkIndex < 0) {
            throw new IllegalArgumentException("A click token needs a link index of 0 or more: " + linkIndex);
        }
        if (kind != TrackingKind.CLICK && linkIndex != NO_LINK) {
            throw new IllegalArgumentException("Only a click token has a link index; " + kind + " had " + linkIndex);
        }
    }

    /** The recipient opened the delivery. */
    public static TrackingToken open(long deliveryId, long recipientId) {
        return new TrackingToken(TrackingKind.OPEN, deliveryId, recipientId, NO_LINK);
    }

    /** The recipient clicked the link numbered {@code linkIndex}. */
    public static TrackingToken click(long deliveryId, long recipientId, int linkIndex) {
        return new TrackingToken(TrackingKind.CLICK, deliveryId, recipientId, linkIndex);
    }

    /** The recipient unsubscribes. */
    public static TrackingToken unsubscribe(long deliveryId, long recipientId) {
        return new TrackingToken(TrackingKind.UNSUBSCRIBE, deliveryId, recipientId, NO_LINK);
    }
}
