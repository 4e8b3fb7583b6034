package io.crosscast.audience.importing;

/** A record that cannot be imported; the message says why, for the user. */
final class RowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
