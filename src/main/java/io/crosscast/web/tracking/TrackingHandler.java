package io.crosscast.web.tracking;

import io.crosscast.tracking.HitLog;
import io.crosscast.tracking.TrackingHit;
import io.crosscast.tracking.TrackingLinks;
import io.crosscast.tracking.token.TrackingKind;
import io.crosscast.tracking.token.TrackingToken;
import io.crosscast.web.SecurityHeadersFilter;
import io.micrometer.core.instrument.Counter;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The fast path of the open pixel and the click redirect: an Undertow handler ahead of the deployment's servlet
 * chain ({@link TrackingExtension}), on the connection's I/O thread. A request it can answer in full from memory (a
 * GET or HEAD of {@code /t/o/<token>} or {@code /t/c/<token>}, a genuine token for a recipient, a click's link in
 * the cache of {@link TrackingLinks} with a web address) is answered here, without the servlet chain's hand-over to
 * a worker thread, security context, request listeners, filters and asynchronous completion, which the tracking
 * endpoints do not need: they are public, carry a signed token, set no cookie and read no session. The hit goes to
 * the node's hit log as the servlet's do and the answer leaves once it is durable (or 503 when it could be made
 * durable nowhere), with the same headers as the servlet's answer (those of {@link SecurityHeadersFilter} among
 * them).
 *
 * <p>Every other request goes on to the servlet chain unchanged: other paths and methods, tokens that are not
 * genuine (404), a click whose delivery's links are not cached yet (the servlet reads them from the database, which
 * an I/O thread must not wait for), a stored link that cannot be a web address (its page), and every hit until the
 * servlet has served one and published what this path needs ({@link #ENDPOINT}, a servlet context attribute).
 */
final class TrackingHandler implements HttpHandler {

    /** The servlet context attribute holding the {@link Endpoint}, set by {@link TrackingServlet}. */
    static final String ENDPOINT = TrackingHandler.class.getName() + ".endpoint";

    /**
     * What the fast path needs of the application, the servlet's own: the token check and link cache, the redirect
     * targets, the node's hit log, and the meter of the hits this path took.
     */
    record Endpoint(TrackingLinks links, RedirectTargets redirects, HitLog log, Counter hits) {}

    private static final Logger LOG = Logger.getLogger(TrackingHandler.class.getName());
    private static final String PREFIX = "/t/";
    private static final HttpString PRAGMA = new HttpString("Pragma");
    private static final byte[] NO_BODY = new byte[0];
    private static final Map<HttpString, String> EVERY_ANSWER = everyAnswer();

    private final HttpHandler next;
    private final Supplier<Endpoint> published;
    private volatile Endpoint endpoint;

    /**
     * @param next the servlet chain, which takes every request this path does not answer
     * @param published the {@link Endpoint} once the servlet published it, null before
     */
    TrackingHandler(HttpHandler next, Supplier<Endpoint> published) {
        this.next = next;
        this.published = published;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Endpoint current = endpoint();
        Answer answer = current == null ? null : prepare(current, exchange);
        if (answer == null) {
            next.handleRequest(exchange);
            return;
        }
        current.hits().increment();
        // The exchange stays open after this call returns; the hit is submitted once it is marked so, and the
        // answer is sent by whichever thread learns that the hit is durable.
        exchange.dispatch(
                SameThreadExecutor.INSTANCE,
                () -> current.log().submit(answer.hit(), durable -> {
                    try {
                        answer.send(exchange, durable);
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "Answering a tracking request failed", e);
                        exchange.endExchange();
                    }
                }));
    }

    private Endpoint endpoint() {
        Endpoint current = endpoint;
        if (current == null) {
            current = published.get();
            endpoint = current;
        }
        return current;
    }

    /** The answer to an open or click this path serves in full, with its hit; null for the servlet chain. */
    static Answer prepare(Endpoint endpoint, HttpServerExchange exchange) {
        HttpString method = exchange.getRequestMethod();
        boolean head = Methods.HEAD.equals(method);
        if (!head && !Methods.GET.equals(method)) {
            return null;
        }
        String path = exchange.getRelativePath();
        if (path.length() <= PREFIX.length() + 2 || !path.startsWith(PREFIX) || path.charAt(4) != '/') {
            return null;
        }
        TrackingKind kind = switch (path.charAt(3)) {
            case 'o' -> TrackingKind.OPEN;
            case 'c' -> TrackingKind.CLICK;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        TrackingToken token = endpoint.links().read(path.substring(5), kind).orElse(null);
        if (token == null || token.recipientId() == 0) {
            return null;
        }
        TrackingLinks.LinkTarget link = null;
        URI location = null;
        if (kind == TrackingKind.CLICK) {
            link = endpoint.links()
                    .cachedLink(token.deliveryId(), token.linkIndex())
                    .orElse(null);
            location = link == null ? null : endpoint.redirects().of(link.url()).orElse(null);
            if (location == null) {
                return null;
            }
        }
        TrackingHit hit = new TrackingHit(
                token.deliveryId(),
                token.recipientId(),
                kind,
                link == null ? null : link.url(),
                link == null ? null : link.label(),
                Instant.now(),
                exchange.getRequestHeaders().getFirst(Headers.USER_AGENT),
                clientAddress(exchange),
                head ? "HEAD" : "GET");
        return new Answer(hit, location, head);
    }

    /** The client's address as the servlet API gives it ({@code getRemoteAddr}): the proxy's view when trusted. */
    static String clientAddress(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        if (source == null) {
            return "";
        }
        InetAddress address = source.getAddress();
        return address == null ? source.getHostString() : address.getHostAddress();
    }

    /** A hit and its answer: the pixel (no location) or a redirect to {@code location}; without a body for HEAD. */
    record Answer(TrackingHit hit, URI location, boolean head) {

        /** Sends the answer, or 503 when the hit could be made durable nowhere. */
        void send(HttpServerExchange exchange, boolean durable) {
            HeaderMap headers = exchange.getResponseHeaders();
            EVERY_ANSWER.forEach(headers::put);
            headers.put(Headers.CACHE_CONTROL, TrackingServlet.NO_STORE);
            byte[] body;
            if (!durable) {
                exchange.setStatusCode(503);
                headers.put(Headers.RETRY_AFTER, "5");
                headers.put(Headers.CONTENT_TYPE, "text/plain;charset=UTF-8");
                body = TrackingServlet.UNAVAILABLE;
            } else if (location == null) {
                exchange.setStatusCode(200);
                headers.put(Headers.CONTENT_TYPE, "image/gif");
                headers.put(PRAGMA, "no-cache");
                headers.put(Headers.EXPIRES, "0");
                body = TrackingServlet.PIXEL;
            } else {
                exchange.setStatusCode(302);
                headers.put(Headers.LOCATION, location.toASCIIString());
                body = NO_BODY;
            }
            headers.put(Headers.CONTENT_LENGTH, body.length);
            if (head || body.length == 0) {
                exchange.endExchange();
            } else {
                exchange.getResponseSender().send(ByteBuffer.wrap(body));
            }
        }
    }

    private static Map<HttpString, String> everyAnswer() {
        return SecurityHeadersFilter.EVERY_ANSWER.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> new HttpString(e.getKey()), Map.Entry::getValue));
    }
}
