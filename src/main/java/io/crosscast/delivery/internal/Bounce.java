package io.crosscast.delivery.internal;

/**
 * One bounce read from the bounce mailbox: a message that came back after the SMTP server had accepted it.
 *
 * @param kind       hard (the address does not work: the ledger row fails) or soft (for now: counted)
 * @param status     the enhanced status code ({@code 5.1.1}), or the SMTP reply code, or null when none was given
 * @param diagnostic the remote server's words, shortened (may be null)
 * @param recipient  the address that bounced, if the bounce names it (lower case), else null
 * @param messageId  the Message-ID of the message that bounced ({@code <...>}), if found, else null; when the bounce
 *                   came to a VERP address ({@link Verp}), its token as {@code <token@verp.invalid>}
 * @param key        identifies the bounce message itself (its Message-ID, or a digest of its text): the same
 *                   bounce read twice is recorded once
 */
public record Bounce(Kind kind, String status, String diagnostic, String recipient, String messageId, String key) {

    public enum Kind {
        HARD,
        SOFT
    }

    /** The reason the ledger and the quarantine store: status and words. */
    public String reason() {
        String words = diagnostic == null ? "" : diagnostic;
        if (status == null) {
            return words;
        }
        return words.contains(status) ? words : (status + " " + words).strip();
    }
}
