package io.crosscast.delivery;

/** Why a targeted recipient is left out of a delivery (the ledger row's {@code reason}). */
public enum ExclusionReason {
    /** No address (email) or number (SMS) for this channel. */
    NO_ADDRESS,
    /** The recipient opted out of this channel. */
    OPTED_OUT,
    /** The address or number is quarantined after a permanent failure. */
    QUARANTINED,
    /** Another recipient of the same delivery has the same address or number. */
    DUPLICATE
}
