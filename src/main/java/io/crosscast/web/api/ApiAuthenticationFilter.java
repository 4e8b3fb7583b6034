package io.crosscast.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 * </ul>
 */
public class ApiAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiAuthenticationFilter.class.getName());

    /** The roles that may use the API, as for the pages. */
    static final List<String> ROLES = List.of("marketer", "admin");

    /** The challenge sent with every 401. */
    static final String CHALLENGE = "Basic realm=\"Crosscast\", charset=\"UTF-8\"";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean signedInHere = false;
        if (request.getUserPrincipal() == null) {
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
                    "Sign in with HTTP Basic authentication (the user name and password of the application)."));
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
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        PrintWriter writer = response.getWriter();
        writer.write(error.toJsonText());
        writer.flush();
    }
}
