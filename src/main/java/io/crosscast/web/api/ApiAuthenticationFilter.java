package io.crosscast.web.api;

import io.crosscast.apitoken.ApiTokenService;
import io.crosscast.apitoken.TokenCaller;
import io.crosscast.apitoken.TokenSecrets;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * Authentication of the REST API ({@code /api/*}, declared in {@code web.xml}): every call needs a user
 * with role {@code marketer} or {@code admin}, the same users and roles as the pages, checked by the
 * server's security domain.
 *
 * <p>How it fits with the pages' FORM login. On WildFly (Undertow + Elytron) a web constraint that requires
 * a role hands an unauthenticated request to the login-config mechanisms, and FORM answers by forwarding to
 * the login page: an API client would get {@code 200} and HTML. Adding {@code BASIC?silent=true} in front
 * of FORM does not change that for a request without credentials (silent Basic sends no challenge, FORM
 * still forwards), and for a wrong Basic password Elytron sends both mechanisms' challenges: a 401 whose
 * body is the login page. Constraints run before any filter, so a filter cannot repair either answer. Hence:
 *
 * <ul>
 * <li>{@code web.xml} gives {@code /api/*} its own constraint without an auth-constraint. It is the best
 * match for API paths, so the {@code /*} constraint and FORM never take over there; the login-config stays
 * FORM for the pages.</li>
 * <li>This filter authenticates: a caller already known to the container (a browser session signed in
 * through the login page) is kept; otherwise the HTTP Basic credentials are checked with
 * {@link HttpServletRequest#login}, which Elytron verifies against the same security domain. No
 * credentials, a header that is not Basic, or a wrong password: {@code 401} with
 * {@code WWW-Authenticate: Basic realm="Crosscast"} and a JSON {@link ApiError}. A user without either
 * role: {@code 403}.</li>
 * <li>A login done here lasts for this request only (logged out after it), so Basic credentials never sign
 * in an HTTP session; the filter creates no session either.</li>
 * <li>Accepting a signed-in session must not let another site act with it: a form of another site can post
 * {@code text/plain} (an import) or nothing (start a run) with the session cookie. {@link CrossSiteCheck}
 * refuses changes that come from another site, and changes signed in by the session that lack the header
 * {@value CrossSiteCheck#SESSION_HEADER} ({@code 403}).</li>
 * <li>{@code Authorization: Bearer cc_...}: an API token ({@link ApiTokenService}) instead of Basic. A
 * valid one signs the request in as the token's owner with the token's role only ({@link TokenSignIn}: an
 * Elytron identity the rest of the request runs as, so EJB role checks and caller principals work as with
 * Basic); each use is logged with the token's name, never the token. An unknown, revoked or expired token,
 * or one whose owner can no longer sign in: {@code 401} {@code auth.tokenInvalid} with a Bearer challenge.</li>
 * </ul>
 */
public class ApiAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiAuthenticationFilter.class.getName());

    /** The roles that may use the API, as for the pages. */
    static final List<String> ROLES = List.of("marketer", "admin");

    /** The challenge sent with every 401. */
    static final String CHALLENGE = "Basic realm=\"Crosscast\", charset=\"UTF-8\"";

    /** The challenge sent with a 401 for a token that is not (or no longer) valid (RFC 6750). */
    static final String TOKEN_CHALLENGE = "Bearer realm=\"Crosscast\", error=\"invalid_token\"";

    static final String TOKEN_INVALID = "auth.tokenInvalid";

    private static final String BEARER = "bearer ";

    @EJB
    private transient ApiTokenService tokens;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean signedInHere = false;
        if (request.getUserPrincipal() == null) {
            Optional<String> token = bearerToken(request.getHeader("Authorization"));
            if (token.isPresent()) {
                withToken(request, response, chain, token.get());
                return;
            }
            Optional<ApiError> refused = signIn(request);
            if (refused.isPresent()) {
                refuse(response, refused.get());
                return;
            }
            signedInHere = true;
        }
        if (ROLES.stream().noneMatch(request::isUserInRole)) {
            refuse(
                    response,
                    ApiError.of(
                            403,
                            "auth.forbidden",
                            "User " + request.getUserPrincipal().getName() + " may not use the API (it needs role "
                                    + String.join(" or ", ROLES) + ")."));
            signOut(request, signedInHere);
            return;
        }
        Optional<ApiError> crossSite = CrossSiteCheck.refusal(request.getMethod(), !signedInHere, request::getHeader);
        if (crossSite.isPresent()) {
            refuse(response, crossSite.get());
            signOut(request, signedInHere);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            signOut(request, signedInHere);
        }
    }

    /** The token of an {@code Authorization: Bearer} header; empty for any other header or none. */
    static Optional<String> bearerToken(String authorization) {
        if (authorization == null
                || authorization.length() < BEARER.length()
                || !authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).strip());
    }

    /** Runs the request signed in by an API token, or refuses it. */
    private void withToken(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String token)
            throws IOException, ServletException {
        Optional<TokenCaller> caller = TokenSecrets.wellFormed(token) ? tokens.authenticate(token) : Optional.empty();
        Optional<SecurityIdentity> identity = caller.flatMap(TokenSignIn::identity);
        if (identity.isEmpty()) {
            LOG.log(Level.INFO, "REST API: {0} {1} refused: an unknown, revoked or expired API token", new Object[] {
                request.getMethod(), request.getRequestURI()
            });
            refuse(response, invalidToken());
            return;
        }
        HttpServletRequest signedIn = TokenSignIn.request(request, identity.get());
        if (ROLES.stream().noneMatch(signedIn::isUserInRole)) {
            // the owner no longer holds the token's role
            refuse(response, invalidToken());
            return;
        }
        Optional<ApiError> crossSite = CrossSiteCheck.refusal(request.getMethod(), false, request::getHeader);
        if (crossSite.isPresent()) {
            refuse(response, crossSite.get());
            return;
        }
        TokenCaller used = caller.get();
        LOG.log(Level.INFO, "REST API: {0} {1} with API token \"{2}\" (#{3}) of {4} as {5}", new Object[] {
            request.getMethod(), request.getRequestURI(), used.tokenName(), used.tokenId(), used.owner(), used.role()
        });
        try {
            identity.get().runAs((PrivilegedExceptionAction<Void>) () -> {
                chain.doFilter(signedIn, response);
                return null;
            });
        } catch (PrivilegedActionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ServletException(e.getCause());
        }
    }

    static ApiError invalidToken() {
        return ApiError.of(401, TOKEN_INVALID, "The API token is unknown, revoked or expired.");
    }

    /** Signs in with the request's Basic credentials; the error to answer if that is not possible. */
    private static Optional<ApiError> signIn(HttpServletRequest request) {
        Optional<BasicCredentials> credentials;
        try {
            credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        } catch (IllegalArgumentException e) {
            return Optional.of(ApiError.of(
                    401,
                    "auth.malformed",
                    "The Authorization header is not valid HTTP Basic (base64 of user:password)."));
        }
        if (credentials.isEmpty()) {
            return Optional.of(ApiError.of(
                    401,
                    "auth.required",
                    "Sign in with HTTP Basic authentication (the user name and password of the application) or an"
                            + " API token (Authorization: Bearer)."));
        }
        try {
            request.login(credentials.get().user(), credentials.get().password());
        } catch (ServletException e) {
            LOG.log(
                    Level.FINE,
                    "REST API sign-in refused for {0}",
                    credentials.get().user());
            return Optional.of(ApiError.of(401, "auth.failed", "Wrong user name or password."));
        }
        return Optional.empty();
    }

    private static void signOut(HttpServletRequest request, boolean signedInHere) {
        if (signedInHere) {
            try {
                request.logout();
                // Elytron may open a session for a programmatic login: one made by this request goes too,
                // so API calls leave no session behind.
                HttpSession session = request.getSession(false);
                if (session != null && session.isNew()) {
                    session.invalidate();
                }
            } catch (ServletException | RuntimeException e) {
                LOG.log(Level.FINE, "REST API sign-out after the request failed", e);
            }
        }
    }

    private static void refuse(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        if (error.status() == 401) {
            response.setHeader("WWW-Authenticate", TOKEN_INVALID.equals(error.code()) ? TOKEN_CHALLENGE : CHALLENGE);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        PrintWriter writer = response.getWriter();
        writer.write(error.toJsonText());
        writer.flush();
    }
}
