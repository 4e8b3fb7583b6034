package io.crosscast.sandbox;

/** What became of the delivery receipt of a text message the SMPP sandbox received. */
public enum SmsReceipt {

    /** The sender did not ask for one ({@code registered_delivery}), or only for failures and it was delivered. */
    NOT_REQUESTED,

    /** It will be sent after the receipt delay. */
    PENDING,

    /** Sent: {@code stat:DELIVRD}. */
    DELIVERED,

    /** Sent: {@code stat:UNDELIV err:001}, the answer to destination numbers ending in 0000. */
    UNDELIVERED,

    /** Not sent: no session of the sender's system id was bound as receiver or transceiver. */
    NO_RECEIVER,

    /** Not sent: sending failed (the session closed, no deliver_sm_resp...) or the sandbox stopped first. */
    FAILED,

    /** Not sent: parts of the concatenated message never arrived; the text shows the parts that did. */
    INCOMPLETE;

    /** Whether a receipt went back to the sender. */
    public boolean sent() {
        return this == DELIVERED || this == UNDELIVERED;
    }
}
