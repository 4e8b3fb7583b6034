package io.crosscast.web.api;

import io.crosscast.apitoken.ApiTokenSummary;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * An API token as the API shows it: never the token, only its first characters ({@code hint}); {@code token}
 * is set once, in the answer to its creation. Times are ISO-8601 instants (UTC). Status: {@code ACTIVE}, {@code EXPIRED} or {@code REVOKED}.
 */
@JsonbNillable
@JsonbPropertyOrder({
    "id",
    "name",
    "owner",
    "role",
    "hint",
    "status",
    "createdAt",
    "expiresAt",
    "lastUsedAt",
    "revokedAt",
    "token"
})
public record TokenDto(
        long id,
        String name,
        String owner,
        String role,
        String hint,
        String status,
        String createdAt,
        String expiresAt,
        String lastUsedAt,
        String revokedAt,
        String token) {

    public static TokenDto of(ApiTokenSummary summary, String token) {
        return new TokenDto(
                summary.id(),
                summary.name(),
                summary.owner(),
                summary.role(),
                summary.hint(),
                summary.status().name(),
                text(summary.createdAt()),
                text(summary.expiresAt()),
                text(summary.lastUsedAt()),
                text(summary.revokedAt()),
                token);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
