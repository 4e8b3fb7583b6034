package io.crosscast.web.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Refuses API calls that change something when a page of another site sent them with the browser's
 * credentials (cross-site request forgery). A browser attaches the session cookie, and Basic credentials it
 * has cached, to a form posted by any site, and such a form may send {@code text/plain} or no body at all,
 * so content types do not protect {@code POST /api/imports} or {@code POST /api/workflows/{id}/runs}.
 *
 * <p>For a method that may change something (anything but GET, HEAD and OPTIONS):
 * <ul>
 * <li>{@code Sec-Fetch-Site}, when the browser sends it, must be {@code same-origin} (or {@code none}: the
 * user's own action, such as a bookmark);</li>
 * <li>{@code Origin}, when present, must name this server (same host and port as the {@code Host} the
 * browser addressed; the scheme is not compared, so a reverse proxy that ends https in front of plain http
 * changes nothing); {@code Origin: null} (a sandboxed frame, a redirect from elsewhere) is refused;</li>
 * <li>a call signed in with the browser session must also send {@value #SESSION_HEADER} (any value, as
 * jQuery and PrimeFaces do for their own requests): a header that an HTML form cannot send, and that a
 * script of another site cannot send either without a CORS preflight, which the API never grants.</li>
 * </ul>
 * Scripts and tools that use HTTP Basic send neither {@code Origin} nor {@code Sec-Fetch-Site}: they are not
 * affected.
 */
final class CrossSiteCheck {

    /** The header a call signed in with the session must send. */
    static final String SESSION_HEADER = "X-Requested-With";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private CrossSiteCheck() {}

    /**
     * Why the request may not go on, or empty if it may.
     *
     * @param method    the HTTP method
     * @param bySession whether the caller is known through the browser session (not through Basic credentials
     *                  of this request)
     * @param header    the request's header of a name, or null
     */
    static Optional<ApiError> refusal(String method, boolean bySession, UnaryOperator<String> header) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String fetchSite = header.apply("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(
                    crossSite("The request came from another site (Sec-Fetch-Site: " + fetchSite.strip() + ")."));
        }
        String origin = header.apply("Origin");
        if (origin != null && !sameHost(origin.strip(), header.apply("Host"))) {
            return Optional.of(crossSite("The request came from another site (Origin: " + origin.strip() + ")."));
        }
        String marker = header.apply(SESSION_HEADER);
        if (bySession && (marker == null || marker.isBlank())) {
            return Optional.of(ApiError.of(
                    403,
                    "auth.sessionHeaderRequired",
                    "A call signed in with the browser"
                            + " session must send the header " + SESSION_HEADER + " (any value); scripts and tools"
                            + " should use HTTP Basic instead."));
        }
        return Optional.empty();
    }

    private static ApiError crossSite(String why) {
        return ApiError.of(
                403,
                "auth.crossSite",
                why + " Changes through the API are accepted from Crosscast's"
                        + " own pages and from clients that are not browsers.");
    }

    /** Whether the origin names the host and port that the {@code Host} header addressed. */
    static boolean sameHost(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false; // "null", or not an origin
        }
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String hostName;
        int hostPort;
        try {
            URI addressed = new URI("http://" + host.strip());
            hostName = addressed.getHost();
            hostPort = addressed.getPort() < 0 ? defaultPort : addressed.getPort();
        } catch (URISyntaxException e) {
            return false;
        }
        return hostName != null && hostName.equalsIgnoreCase(uri.getHost()) && hostPort == originPort;
    }
}
