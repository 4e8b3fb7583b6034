package io.crosscast.apitoken;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: made by a signed-in user for themself with a role they hold, listed (a user sees their own, an
 * administrator everyone's) and revoked; and checked when a request presents one ({@link #authenticate}).
 * Who the caller is and which roles they hold come from the container (the page's or API's sign-in).
 */
@Stateless
@DeclareRoles({ApiTokenService.MARKETER, ApiTokenService.ADMIN})
public class ApiTokenService {

    public static final String MARKETER = "marketer";
    public static final String ADMIN = "admin";
    /** The roles a token may carry. */
    public static final List<String> ROLES = List.of(MARKETER, ADMIN);
    /** A token's last use is written at most this often, so that calls do not each write a row. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    /**
     * Makes a token for the caller, with {@code role} (one they hold) and a lifetime of {@code days} days.
     * The answer carries the token itself: only its hash is kept.
     */
    public CreatedToken create(String name, String role, Integer days) {
        String owner = caller();
        String checkedName = TokenSecrets.name(name);
        if (role == null || !ROLES.contains(role)) {
            throw new ApiTokenException("apiToken.roleUnknown", "A token's role is marketer or admin.");
        }
        if (!session.isCallerInRole(role)) {
            throw new ApiTokenException(
                    "apiToken.roleNotHeld", "You may only give a token a role you hold yourself (" + role + ").");
        }
        Instant now = Instant.now();
        Instant expiresAt = TokenSecrets.expiry(now, days);
        String token = TokenSecrets.generate();
        ApiToken created = new ApiToken(checkedName, owner, role, token, now, expiresAt);
        em.persist(created);
        em.flush();
        return new CreatedToken(ApiTokenSummary.of(created, now), token);
    }

    /** The tokens the caller may see, newest first: their own, or everyone's for an administrator. */
    public List<ApiTokenSummary> visible() {
        Instant now = Instant.now();
        List<ApiToken> tokens = session.isCallerInRole(ADMIN)
                ? em.createQuery("SELECT t FROM ApiToken t ORDER BY t.createdAt DESC, t.id DESC", ApiToken.class)
                        .getResultList()
                : em.createQuery(
                                "SELECT t FROM ApiToken t WHERE t.owner = :owner ORDER BY t.createdAt DESC, t.id DESC",
                                ApiToken.class)
                        .setParameter("owner", caller())
                        .getResultList();
        return tokens.stream().map(t -> ApiTokenSummary.of(t, now)).toList();
    }

    /** Revokes a token the caller may see (see {@link #visible}); revoking it again changes nothing. */
    public ApiTokenSummary revoke(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !(session.isCallerInRole(ADMIN) || token.getOwner().equals(caller()))) {
            throw new ApiTokenException("apiToken.notFound", "There is no token " + id + " of yours.");
        }
        Instant now = Instant.now();
        token.revoke(now);
        return ApiTokenSummary.of(token, now);
    }

    /**
     * Who {@code presented} stands for, if it is a token that is neither revoked nor expired; notes its use
     * (at most once per {@link #LAST_USED_PRECISION}). Called before the request is signed in.
     */
    public Optional<TokenCaller> authenticate(String presented) {
        if (!TokenSecrets.wellFormed(presented)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<ApiToken> found = em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", TokenSecrets.hash(presented))
                .getResultStream()
                .findFirst();
        if (found.isEmpty() || !found.get().validAt(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            token.usedAt(now);
        }
        return Optional.of(new TokenCaller(token.getId(), token.getName(), token.getOwner(), token.getRole()));
    }

    private String caller() {
        Principal principal = session.getCallerPrincipal();
        if (principal == null || principal.getName() == null || "anonymous".equals(principal.getName())) {
            throw new ApiTokenException("apiToken.signInRequired", "Sign in to manage API tokens.");
        }
        return principal.getName();
    }
}
