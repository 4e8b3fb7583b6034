package io.crosscast.sandbox;

import java.io.Serializable;

/** One header line of a received message, unfolded and decoded (RFC 2047). */
public record MailHeader(String name, String value) implements Serializable {}
