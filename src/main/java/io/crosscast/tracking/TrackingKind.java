package io.crosscast.tracking;

/** What a tracking token records when it comes back; the names are those of {@code tracking_log.type}. */
public enum TrackingKind {

    /** The recipient's mail client loaded the open pixel. */
    OPEN,

    /** The recipient followed one of the delivery's tracked links. */
    CLICK,

    /** The recipient asked to receive no more email. */
    UNSUBSCRIBE
}
