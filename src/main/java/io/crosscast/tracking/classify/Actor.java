package io.crosscast.tracking.classify;

/** Who made a tracking hit ({@code tracking_log.actor}); a hit not classified yet has none (NULL). */
public enum Actor {
    /** A person opening the message or following a link. */
    PERSON,
    /** A mail provider's proxy loading the images on the reader's behalf, read or not (Apple MPP). */
    PRIVACY_PROXY,
    /** A security gateway, a link scanner, a bot or a script. */
    SCANNER;

    /** Whether a person made the hit. */
    public boolean isPerson() {
        return this == PERSON;
    }
}
