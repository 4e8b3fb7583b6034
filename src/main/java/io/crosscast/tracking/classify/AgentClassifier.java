package io.crosscast.tracking.classify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a hit's own request says of who made it, before any behaviour rule (which needs the other hits and
 * the send time, and is applied in SQL): in this order,
 * <ol>
 *   <li>a {@code HEAD} request is a scanner's ({@code HEAD_REQUEST}): a browser following a link or loading
 *       an image asks with GET;</li>
 *   <li>a request without a user agent is a script's ({@code NO_USER_AGENT});</li>
 *   <li>the first {@link AgentRule} of {@link ActorRules#agents()} that matches decides.</li>
 * </ol>
 * Empty when none decides: the behaviour rules may still find a machine, otherwise it is a person's.
 */
public final class AgentClassifier {

    public static final String HEAD_REQUEST = "HEAD_REQUEST";
    public static final String NO_USER_AGENT = "NO_USER_AGENT";

    private final List<AgentRule> agents;
    /** Each rule's text in lower case, in the rules' order (converted once, not for every hit). */
    private final String[] lowerTexts;

    public AgentClassifier(ActorRules rules) {
        this.agents = rules.agents();
        this.lowerTexts = agents.stream().map(AgentRule::lowerText).toArray(String[]::new);
    }

    /**
     * @param method    the HTTP method (null: GET)
     * @param type      open or click
     * @param userAgent the User-Agent header, null when absent
     */
    public Optional<Verdict> classify(String method, HitType type, String userAgent) {
        if ("HEAD".equalsIgnoreCase(method)) {
            return Optional.of(new Verdict(Actor.SCANNER, HEAD_REQUEST));
        }
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.of(new Verdict(Actor.SCANNER, NO_USER_AGENT));
        }
        String lowerAgent = userAgent.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lowerTexts.length; i++) {
            AgentRule rule = agents.get(i);
            if (rule.matchesLowerCase(type, lowerAgent, lowerTexts[i])) {
                return Optional.of(new Verdict(rule.actor(), rule.reason()));
            }
        }
        return Optional.empty();
    }
}
