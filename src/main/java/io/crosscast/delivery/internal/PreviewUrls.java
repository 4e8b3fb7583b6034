package io.crosscast.delivery.internal;

import io.crosscast.content.TrackedLink;
import io.crosscast.content.TrackingUrls;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The "tracking" URLs of previews and proofs, which must record nothing and harm no one: links lead
 * straight to their own URLs (a draft's links are not frozen yet, so click tokens could not resolve
 * anyway), the open pixel is an inline transparent GIF, and the unsubscription link is the caller's (a
 * token for recipient 0, who does not exist: following it changes nobody's opt-out). Plain Java.
 */
public final class PreviewUrls implements TrackingUrls {

    /** A 1x1 transparent GIF, inline: loading it tells no server anything. */
    public static final String PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

    private final List<TrackedLink> links;
    private final String unsubscribeUrl;

    /**
     * @param links          the tracked links of the HTML body, by index ({@code LinkRewriter.rewrite(...).links()})
     * @param unsubscribeUrl the URL that harmlessly stands for the unsubscription link
     */
    public PreviewUrls(List<TrackedLink> links, String unsubscribeUrl) {
        this.links = List.copyOf(links);
        this.unsubscribeUrl = safe(unsubscribeUrl);
    }

    @Override
    public String open(long recipientId) {
        return PIXEL;
    }

    @Override
    public String click(long recipientId, int linkIndex) {
        if (linkIndex < 0 || linkIndex >= links.size()) {
            return unsubscribeUrl;
        }
        return safe(links.get(linkIndex).url());
    }

    @Override
    public String unsubscribe(long recipientId) {
        return unsubscribeUrl;
    }

    /**
     * The URL with the characters the composer refuses in a URL (controls, spaces, {@code < > "}, DEL)
     * percent-encoded as UTF-8, so any link the marketer wrote can be shown.
     */
    static String safe(String url) {
        StringBuilder safe = new StringBuilder(url.length() + 8);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7F) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
