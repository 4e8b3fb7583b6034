package io.crosscast.audience.contact;

/**
 * A contact value (email address, phone number, country...) that cannot be stored. The message is
 * written for the person who typed or imported the value and quotes it, for example
 * {@code 'jean@@example' is not a valid email address: it must contain exactly one @}.
 */
public class InvalidContactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message meant for the end user. */
    public InvalidContactException(String message) {
        super(message);
    }
}
