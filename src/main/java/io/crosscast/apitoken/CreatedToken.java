package io.crosscast.apitoken;

/** A token just made: its summary and the token itself, shown this once and kept nowhere. */
public record CreatedToken(ApiTokenSummary summary, String token) {}
