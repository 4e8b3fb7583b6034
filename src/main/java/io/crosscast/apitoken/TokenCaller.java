package io.crosscast.apitoken;

/** Who a valid token stands for: its owner with the token's role (and the token's id and name, for the log). */
public record TokenCaller(long tokenId, String tokenName, String owner, String role) {}
