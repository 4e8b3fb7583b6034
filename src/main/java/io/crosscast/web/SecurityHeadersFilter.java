package io.crosscast.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The headers every answer of the application carries (pages, /api, /t tracking, resources), declared in
 * web.xml for /*: no MIME sniffing, framed only by the application itself (the Outbox shows a message in a
 * frame of its own page), and no address sent to other sites: a tracking link's signed token stays out of the
 * Referer the clicked site receives, while the application's own requests keep theirs.
 * <p>
 * The Content-Security-Policy of pages is PrimeFaces' (primefaces.CSP in web.xml: a nonce per page for its
 * scripts); answers that are not pages get {@link #NOT_A_PAGE_POLICY} unless they set a policy of their own
 * (the Outbox message, the unsubscribe page). See docs/DECISIONS.md, "Security headers and text in the diagram".
 */
public class SecurityHeadersFilter extends HttpFilter {

    /** For JSON, images, redirects, scripts and style sheets: nothing in them may load or run anything. */
    static final String NOT_A_PAGE_POLICY =
            "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /**
     * The headers of every answer, by name; also set by the tracking endpoints' fast path, which answers ahead of the
     * filters ({@code io.crosscast.web.tracking.TrackingHandler}).
     */
    public static final Map<String, String> EVERY_ANSWER = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Referrer-Policy", "same-origin");

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addHeaders(request, response);
        chain.doFilter(request, response);
    }

    /** Sets the headers; also for an answer that was reset after the filter ran (a tracking hit that failed). */
    public static void addHeaders(HttpServletRequest request, HttpServletResponse response) {
        EVERY_ANSWER.forEach(response::setHeader);
        String path = request.getServletPath();
        if (path.startsWith("/api") || path.startsWith("/jakarta.faces.resource") || path.startsWith("/resources")) {
            response.setHeader("Content-Security-Policy", NOT_A_PAGE_POLICY);
        }
    }
}
