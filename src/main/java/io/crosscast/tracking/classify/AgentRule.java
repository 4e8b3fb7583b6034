package io.crosscast.tracking.classify;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A user-agent rule: hits of {@code hits} whose user agent equals or contains {@code text}, ignoring case,
 * are {@code actor}'s, for {@code reason}. The same test is made in SQL as {@code LOWER(user_agent) = ?} or
 * {@code LOWER(user_agent) LIKE ?} with {@link #lowerText()}.
 */
public record AgentRule(Actor actor, String reason, Match match, Set<HitType> hits, String text) {

    /** How the text is compared with the user agent. */
    public enum Match {
        EQUALS,
        CONTAINS
    }

    public AgentRule {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(match, "match");
        hits = Set.copyOf(hits);
        if (hits.isEmpty()) {
            throw new IllegalArgumentException("A user-agent rule concerns opens, clicks or both");
        }
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("A user-agent rule needs a text");
        }
    }

    /** The text in lower case, as compared. */
    public String lowerText() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Whether a hit of this type with this user agent (not null) matches. */
    public boolean matches(HitType type, String userAgent) {
        return matchesLowerCase(type, userAgent.toLowerCase(Locale.ROOT), lowerText());
    }

    /**
     * As {@link #matches}, the user agent and this rule's {@link #lowerText()} already in lower case
     * ({@link Locale#ROOT}): {@link AgentClassifier} converts each once, not once a hit and rule.
     */
    boolean matchesLowerCase(HitType type, String lowerAgent, String lowerText) {
        if (!hits.contains(type)) {
            return false;
        }
        return match == Match.EQUALS ? lowerAgent.equals(lowerText) : lowerAgent.contains(lowerText);
    }
}
