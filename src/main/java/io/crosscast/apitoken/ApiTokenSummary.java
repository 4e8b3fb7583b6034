package io.crosscast.apitoken;

import java.io.Serializable;
import java.time.Instant;

/** A token as lists show it: never its secret, only the first characters ({@code hint}). */
public record ApiTokenSummary(
        long id,
        String name,
        String owner,
        String role,
        String hint,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        Status status)
        implements Serializable {

    /** Where a token stands. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    static ApiTokenSummary of(ApiToken token, Instant now) {
        Status status =
                token.getRevokedAt() != null ? Status.REVOKED : token.validAt(now) ? Status.ACTIVE : Status.EXPIRED;
        return new ApiTokenSummary(
                token.getId() == null ? 0 : token.getId(),
                token.getName(),
                token.getOwner(),
                token.getRole(),
                token.getTokenHint(),
                token.getCreatedAt(),
                token.getExpiresAt(),
                token.getLastUsedAt(),
                token.getRevokedAt(),
                status);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
