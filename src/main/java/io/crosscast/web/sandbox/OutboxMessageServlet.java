package io.crosscast.web.sandbox;

import io.crosscast.sandbox.OutboxService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HTML part of a message the sandbox received, as its recipient would see it, for the Outbox page's
 * preview frame: {@code /outbox/message?id=...}. Under the application's sign-in (web.xml: every path but
 * the public ones needs role marketer or admin). The HTML is served as sent, with links opening in a new
 * tab, and with a Content-Security-Policy that runs no script, no plugin and no form, while images (the
 * open pixel), styles and links (tracking links) work as in a mail client.
 */
@WebServlet(urlPatterns = OutboxMessageServlet.PATH)
public class OutboxMessageServlet extends HttpServlet {

    public static final String PATH = "/outbox/message";

    /**
     * No script; no plugin; no form submission; only this application may frame it. The sandbox directive
     * (without allow-same-origin) gives the message an origin of its own, so even markup that slipped past
     * the rest cannot act as the signed-in user; popups (links in a new tab) leave that sandbox.
     */
    static final String CONTENT_SECURITY_POLICY = "script-src 'none'; object-src 'none'; form-action 'none';"
            + " frame-ancestors 'self';"
            + " sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

    private static final long serialVersionUID = 1L;

    @EJB
    private OutboxService outbox;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> html = id(request.getParameter("id")).flatMap(outbox::html);
        if (html.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(HtmlPreview.withLinksInNewTab(html.get()));
    }

    static Optional<Long> id(String parameter) {
        try {
            return parameter == null ? Optional.empty() : Optional.of(Long.parseLong(parameter.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
