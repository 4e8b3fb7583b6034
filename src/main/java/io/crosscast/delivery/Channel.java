package io.crosscast.delivery;

/** The channel a delivery goes out through. */
public enum Channel {
    EMAIL,
    SMS
}
