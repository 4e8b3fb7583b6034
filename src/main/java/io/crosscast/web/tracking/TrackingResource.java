package io.crosscast.web.tracking;

import io.crosscast.content.LinkUrl;
import io.crosscast.tracking.TrackingService;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * Open pixel, click redirect and unsubscription. A token that is not genuine (tampered, truncated,
 * made up) gets 404 and never a redirect: a click can only lead to a URL of the delivery it was issued
 * for. A link whose stored URL cannot be a web address gets a page saying so (404), never an error.
 * Responses are never cached, so every open and click reaches the server. A HEAD request (answered by the
 * GET methods, without a body) is logged with its method: a link scanner's check, classified as a machine.
 */
@Path("/")
public class TrackingResource {

    private static final Logger LOG = Logger.getLogger(TrackingResource.class.getName());

    /** A transparent 1x1 GIF. */
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @EJB
    private TrackingService tracking;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("o/{token}")
    @Produces("image/gif")
    public Response open(@PathParam("token") String token) {
        if (!tracking.open(token, request.getHeader("User-Agent"), request.getRemoteAddr(), request.getMethod())) {
            return notFound();
        }
        return Response.ok(PIXEL, "image/gif")
                .cacheControl(noStore())
                .header("Pragma", "no-cache")
                .header("Expires", "0")
                .build();
    }

    @GET
    @Path("c/{token}")
    public Response click(@PathParam("token") String token) {
        Optional<String> url =
                tracking.click(token, request.getHeader("User-Agent"), request.getRemoteAddr(), request.getMethod());
        if (url.isEmpty()) {
            return notFound();
        }
        Optional<URI> target = redirectTarget(url.get());
        if (target.isEmpty()) {
            LOG.warning(() ->
                    "A click on a link that cannot be a web address, answered with a page: " + printable(url.get()));
            ResourceBundle text = bundle();
            return page(
                    Response.Status.NOT_FOUND,
                    text.getString("click.invalid.title"),
                    "<p>" + Html.escape(text.getString("click.invalid")) + "</p>");
        }
        return Response.status(Response.Status.FOUND)
                .location(target.get())
                .cacheControl(noStore())
                .build();
    }

    /**
     * Where a stored link leads, normalised as it is when a delivery is saved: links frozen before links were
     * normalised may hold characters a URI cannot ({@code |}, spaces...). Empty when even that cannot make it
     * a web address.
     */
    static Optional<URI> redirectTarget(String stored) {
        LinkUrl link = LinkUrl.read(stored);
        if (link.kind() != LinkUrl.Kind.WEB) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(link.url()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
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
    @GET
    @Path("u/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribePage(@PathParam("token") String token) {
        Optional<String> address = tracking.unsubscribeAddress(token);
        if (address.isEmpty()) {
            return invalidUnsubscribeLink();
        }
        ResourceBundle text = bundle();
        String body = "<p>"
                + Html.escape(java.text.MessageFormat.format(text.getString("unsubscribe.question"), address.get()))
                + "</p><form method=\"post\"><button type=\"submit\">"
                + Html.escape(text.getString("unsubscribe.confirm")) + "</button></form>";
        return page(text.getString("unsubscribe.title"), body);
    }

    /** The confirmation form, and RFC 8058 one-click unsubscription (body List-Unsubscribe=One-Click). */
    @POST
    @Path("u/{token}")
    @Consumes({
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN,
        MediaType.WILDCARD
    })
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribe(@PathParam("token") String token) {
        if (!tracking.unsubscribe(token, request.getHeader("User-Agent"), request.getRemoteAddr())) {
            return invalidUnsubscribeLink();
        }
        ResourceBundle text = bundle();
        return page(
                text.getString("unsubscribe.title"), "<p>" + Html.escape(text.getString("unsubscribe.done")) + "</p>");
    }

    /** 404, with a page in the recipient's language: a person follows this link, not a mail client. */
    private Response invalidUnsubscribeLink() {
        ResourceBundle text = bundle();
        return page(
                Response.Status.NOT_FOUND,
                text.getString("unsubscribe.title"),
                "<p>" + Html.escape(text.getString("unsubscribe.invalid")) + "</p>");
    }

    private Response page(String title, String body) {
        return page(Response.Status.OK, title, body);
    }

    private Response page(Response.Status status, String title, String body) {
        String language = bundle().getLocale().getLanguage();
        String html = "<!DOCTYPE html><html lang=\"" + (language.isEmpty() ? "en" : language) + "\"><head>"
                + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                + Html.escape(title) + "</title></head><body style=\"font-family:sans-serif;max-width:36em;"
                + "margin:3em auto\"><h1>" + Html.escape(title) + "</h1>" + body + "</body></html>";
        return Response.status(status)
                .entity(html)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cacheControl(noStore())
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    private ResourceBundle bundle() {
        List<Locale> wanted = headers.getAcceptableLanguages();
        Locale locale = wanted.isEmpty() || "*".equals(wanted.get(0).toString()) ? Locale.ENGLISH : wanted.get(0);
        return ResourceBundle.getBundle(
                "io.crosscast.web.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("Not found")
                .cacheControl(noStore())
                .build();
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoCache(true);
        cache.setMustRevalidate(true);
        cache.setPrivate(true);
        return cache;
    }
}
