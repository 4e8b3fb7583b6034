package io.crosscast.web.tracking;

import io.crosscast.platform.metrics.Meters;
import io.crosscast.tracking.HitLog;
import io.crosscast.tracking.TrackingHit;
import io.crosscast.tracking.TrackingLinks;
import io.crosscast.tracking.TrackingRecorder;
import io.crosscast.tracking.TrackingService;
import io.crosscast.tracking.token.TrackingKind;
import io.crosscast.tracking.token.TrackingToken;
import io.crosscast.web.SecurityHeadersFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The public tracking endpoints at {@code /crosscast/t}: open pixel ({@code o/<token>}), click redirect
 * ({@code c/<token>}) and unsubscription ({@code u/<token>}). A token that is not genuine (tampered, truncated,
 * made up) gets 404 and never a redirect: a click can only lead to a URL of the delivery it was issued for. A link
 * whose stored URL cannot be a web address gets a page saying so (404), never an error. Responses are never
 * cached, so every open and click reaches the server.
 *
 * <p>Opens and clicks are the hot path, so this is a plain asynchronous servlet, not JAX-RS, and no EJB call or
 * transaction runs per hit: the token is checked (an HMAC), the link read from the cache of {@link TrackingLinks},
 * the answer prepared, and the hit submitted to the node's {@link HitLog}; the answer leaves only once the hit's
 * group is synced to the node's journal (from which it is copied to the database right after) or, when the journal
 * cannot be written, committed to the database. When neither took it, the answer is 503: a hit that was answered is
 * never lost. HEAD is answered (without a body) and recorded like GET. Unsubscription
 * goes through {@link TrackingService} (one transaction, rare).
 *
 * <p>Once it has served a hit, this servlet publishes its token check, link cache and hit log to
 * {@link TrackingHandler}, which from then on answers the opens and clicks it can answer from memory ahead of the
 * servlet chain, the same way; the others still come here (a click whose delivery's links are not cached, tokens
 * that are not genuine, unsubscription). The meter {@value #HITS_METER} counts the hits each path took.
 */
@WebServlet(urlPatterns = "/t/*", asyncSupported = true)
public class TrackingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TrackingServlet.class.getName());

    /** A transparent 1x1 GIF. */
    static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /** The body of a 503: the hit was not recorded, or the link's target cannot be read now. */
    static final byte[] UNAVAILABLE = "Unavailable, try again".getBytes(StandardCharsets.UTF_8);

    static final String NO_STORE = "private, no-cache, no-store, must-revalidate";
    private static final long ASYNC_TIMEOUT_MS = 30_000;

    /** Opens and clicks taken, by path: {@code fast} ({@link TrackingHandler}) or {@code servlet} (this servlet). */
    public static final String HITS_METER = "crosscast.tracking.hits";

    @Inject
    private transient TrackingLinks links;

    @EJB
    private transient TrackingRecorder recorder;

    @EJB
    private transient TrackingService tracking;

    @Inject
    private transient MeterRegistry meters;

    private transient volatile Counter servletHits;

    private transient volatile HitLog log;

    private final transient RedirectTargets targets = new RedirectTargets();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String method = request.getMethod();
        if (path == null || path.length() < 4 || path.charAt(0) != '/' || path.charAt(2) != '/') {
            notFound(response);
            return;
        }
        String token = path.substring(3);
        boolean head = "HEAD".equals(method);
        switch (path.charAt(1)) {
            case 'o' -> {
                if (head || "GET".equals(method)) {
                    open(request, response, token, head);
                } else {
                    notAllowed(response, "GET, HEAD");
                }
            }
            case 'c' -> {
                if (head || "GET".equals(method)) {
                    click(request, response, token);
                } else {
                    notAllowed(response, "GET, HEAD");
                }
            }
            case 'u' -> {
                if (head || "GET".equals(method)) {
                    unsubscribePage(request, response, token, head);
                } else if ("POST".equals(method)) {
                    unsubscribe(request, response, token);
                } else {
                    notAllowed(response, "GET, HEAD, POST");
                }
            }
            default -> notFound(response);
        }
    }

    private void open(HttpServletRequest request, HttpServletResponse response, String token, boolean head)
            throws IOException {
        Optional<TrackingToken> read = links.read(token, TrackingKind.OPEN);
        if (read.isEmpty()) {
            notFound(response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("image/gif");
        response.setContentLength(PIXEL.length);
        noStore(response);
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        if (!head) {
            response.getOutputStream().write(PIXEL);
        }
        TrackingToken t = read.get();
        if (t.recipientId() != 0) {
            record(request, response, t, null);
        }
    }

    private void click(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Optional<TrackingToken> read = links.read(token, TrackingKind.CLICK);
        if (read.isEmpty()) {
            notFound(response);
            return;
        }
        TrackingToken t = read.get();
        Optional<TrackingLinks.LinkTarget> link;
        try {
            link = links.link(t.deliveryId(), t.linkIndex());
        } catch (IllegalStateException databaseUnreachable) {
            LOG.warning(() -> "A click on a link not cached while the database is unreachable: "
                    + databaseUnreachable.getMessage());
            unavailable(response);
            return;
        }
        if (link.isEmpty()) {
            notFound(response);
            return;
        }
        String url = link.get().url();
        Optional<URI> target = targets.of(url);
        if (target.isEmpty()) {
            LOG.warning(
                    () -> "A click on a link that cannot be a web address, answered with a page: " + printable(url));
            ResourceBundle text = bundle(request);
            page(
                    request,
                    response,
                    HttpServletResponse.SC_NOT_FOUND,
                    text.getString("click.invalid.title"),
                    "<p>" + Html.escape(text.getString("click.invalid")) + "</p>");
            return;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target.get().toASCIIString());
        noStore(response);
        response.setContentLength(0);
        if (t.recipientId() != 0) {
            record(request, response, t, link.get());
        }
    }

    /**
     * Submits the hit and holds the prepared answer until the hit is durable; answers 503 instead when it could
     * not be made durable (or took longer than {@value #ASYNC_TIMEOUT_MS} ms).
     */
    private void record(
            HttpServletRequest request,
            HttpServletResponse response,
            TrackingToken token,
            TrackingLinks.LinkTarget link) {
        TrackingHit hit = new TrackingHit(
                token.deliveryId(),
                token.recipientId(),
                token.kind(),
                link == null ? null : link.url(),
                link == null ? null : link.label(),
                Instant.now(),
                request.getHeader("User-Agent"),
                request.getRemoteAddr(),
                request.getMethod());
        AsyncContext async = request.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MS);
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                if (answered.compareAndSet(false, true)) {
                    fail(request, response);
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {}

            @Override
            public void onError(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
        HitLog hits = hitLog();
        servletHits.increment();
        hits.submit(hit, durable -> {
            if (answered.compareAndSet(false, true)) {
                if (!durable) {
                    fail(request, response);
                }
                async.complete();
            }
        });
    }

    private HitLog hitLog() {
        HitLog current = log;
        if (current == null) {
            current = recorder.log();
            servletHits = Meters.counter(meters, HITS_METER, "path", "servlet");
            log = current;
            publishFastPath(current);
        }
        return current;
    }

    /**
     * Gives {@link TrackingHandler} what it needs to answer opens and clicks ahead of the servlet chain, once the
     * application is up (this servlet serves a hit): the same token check, link cache, redirect targets and hit log.
     */
    private void publishFastPath(HitLog hits) {
        getServletContext()
                .setAttribute(
                        TrackingHandler.ENDPOINT,
                        new TrackingHandler.Endpoint(
                                links, targets, hits, Meters.counter(meters, HITS_METER, "path", "fast")));
    }

    private static void fail(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        SecurityHeadersFilter.addHeaders(request, response);
        unavailableHeaders(response);
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        unavailableHeaders(response);
        response.getOutputStream().write(UNAVAILABLE);
    }

    private static void unavailableHeaders(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("text/plain;charset=UTF-8");
        noStore(response);
    }

    /** A stored value fit for one log line. */
    private static String printable(String value) {
        String shown = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return shown.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** Asks for a confirmation: link scanners that follow every link of a message must not unsubscribe. */
    private void unsubscribePage(HttpServletRequest request, HttpServletResponse response, String token, boolean head)
            throws IOException {
        Optional<String> address = tracking.unsubscribeAddress(token);
        if (address.isEmpty()) {
            invalidUnsubscribeLink(request, response);
            return;
        }
        ResourceBundle text = bundle(request);
        String body = "<p>"
                + Html.escape(MessageFormat.format(text.getString("unsubscribe.question"), address.get()))
                + "</p><form method=\"post\"><button type=\"submit\">"
                + Html.escape(text.getString("unsubscribe.confirm")) + "</button></form>";
        page(request, response, HttpServletResponse.SC_OK, text.getString("unsubscribe.title"), head ? null : body);
    }

    /** The confirmation form, and RFC 8058 one-click unsubscription (body List-Unsubscribe=One-Click). */
    private void unsubscribe(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException {
        if (!tracking.unsubscribe(token, request.getHeader("User-Agent"), request.getRemoteAddr())) {
            invalidUnsubscribeLink(request, response);
            return;
        }
        ResourceBundle text = bundle(request);
        page(
                request,
                response,
                HttpServletResponse.SC_OK,
                text.getString("unsubscribe.title"),
                "<p>" + Html.escape(text.getString("unsubscribe.done")) + "</p>");
    }

    /** 404, with a page in the recipient's language: a person follows this link, not a mail client. */
    private void invalidUnsubscribeLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle text = bundle(request);
        page(
                request,
                response,
                HttpServletResponse.SC_NOT_FOUND,
                text.getString("unsubscribe.title"),
                "<p>" + Html.escape(text.getString("unsubscribe.invalid")) + "</p>");
    }

    /** A small HTML page; with a null body, only the headers (HEAD). */
    private void page(HttpServletRequest request, HttpServletResponse response, int status, String title, String body)
            throws IOException {
        String language = bundle(request).getLocale().getLanguage();
        String html = "<!DOCTYPE html><html lang=\"" + (language.isEmpty() ? "en" : language) + "\"><head>"
                + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                + Html.escape(title) + "</title></head><body style=\"font-family:sans-serif;max-width:36em;"
                + "margin:3em auto\"><h1>" + Html.escape(title) + "</h1>" + (body == null ? "" : body)
                + "</body></html>";
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        noStore(response);
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none';"
                        + " base-uri 'none'");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        if (body != null) {
            response.getOutputStream().write(bytes);
        }
    }

    /** The recipient's language from Accept-Language (English when none is given or none is known). */
    private static ResourceBundle bundle(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        Locale wanted = header == null || header.isBlank() || header.strip().startsWith("*")
                ? Locale.ENGLISH
                : request.getLocale();
        return ResourceBundle.getBundle(
                "io.crosscast.web.messages",
                wanted,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        noStore(response);
        response.getOutputStream().write("Not found".getBytes(StandardCharsets.UTF_8));
    }

    private static void notAllowed(HttpServletResponse response, String allowed) {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", allowed);
        noStore(response);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", NO_STORE);
    }
}
