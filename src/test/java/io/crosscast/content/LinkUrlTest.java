package io.crosscast.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.content.ContentProblem.Reason;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A corpus of real-world hrefs, each with the URL a browser would go to, or why it is refused. */
class LinkUrlTest {

    /** href, then the normalised URL ({@code KEPT}: as written, trimmed; {@code OTHER}: another scheme, kept). */
    private static final String[][] WEB = {
        // UTM tags as campaign tools write them: | and spaces
        {
            "https://shop.example.com/offer?utm_source=newsletter&utm_medium=email&utm_campaign=spring|2026",
            "https://shop.example.com/offer?utm_source=newsletter&utm_medium=email&utm_campaign=spring%7C2026"
        },
        {
            "https://shop.example.com/?utm_campaign=Spring Sale 2026&utm_content=hero banner",
            "https://shop.example.com/?utm_campaign=Spring%20Sale%202026&utm_content=hero%20banner"
        },
        {
            "https://t.example/?utm_term=a|b|c&utm_id=FR | Soldes",
            "https://t.example/?utm_term=a%7Cb%7Cc&utm_id=FR%20%7C%20Soldes"
        },
        {"  https://shop.example.com/x \n", "https://shop.example.com/x"},
        {"https://shop.exa\nmple.com/x\t", "https://shop.example.com/x"},
        // already encoded: kept as written
        {
            "https://shop.example.com/search?q=caf%C3%A9%20cr%c3%a8me",
            "https://shop.example.com/search?q=caf%C3%A9%20cr%c3%a8me"
        },
        {"https://shop.example.com/a%2Fb?x=%7C", "https://shop.example.com/a%2Fb?x=%7C"},
        // non-ASCII paths, queries and fragments: UTF-8
        {"https://exemple.fr/été/promo", "https://exemple.fr/%C3%A9t%C3%A9/promo"},
        {
            "https://exemple.fr/promo?ville=Montréal&prix=10€",
            "https://exemple.fr/promo?ville=Montr%C3%A9al&prix=10%E2%82%AC"
        },
        {"https://exemple.fr/page#café", "https://exemple.fr/page#caf%C3%A9"},
        {"https://example.com/😀", "https://example.com/%F0%9F%98%80"},
        // IDN hosts: punycode, lower case
        {"https://bücher.example/", "https://xn--bcher-kva.example/"},
        {"https://BÜCHER.example/Katalog", "https://xn--bcher-kva.example/Katalog"},
        {"https://例え.テスト/パス", "https://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9"},
        {"https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/"},
        // scheme and host in lower case, the rest as written
        {"HTTP://Example.COM/Path?Q=A", "http://example.com/Path?Q=A"},
        {"hTTps://www.Example.com", "https://www.example.com"},
        // fragments, query with +, ports
        {"https://example.com/doc#section-2", "https://example.com/doc#section-2"},
        {"https://example.com/doc#a#b", "https://example.com/doc#a%23b"},
        {"https://example.com/search?q=red+shoes&size=42", "https://example.com/search?q=red+shoes&size=42"},
        {"https://example.com:8443/x", "https://example.com:8443/x"},
        {"http://example.com:/x", "http://example.com/x"},
        {"https://example.com:0443/", "https://example.com:443/"},
        // characters a URI cannot hold
        {
            "https://example.com/a\"b<c>d`e{f}g^h|i\\j?k\\l",
            "https://example.com/a%22b%3Cc%3Ed%60e%7Bf%7Dg%5Eh%7Ci/j?k%5Cl"
        },
        {"https://example.com/list?ids[]=1&ids[]=2", "https://example.com/list?ids[]=1&ids[]=2"},
        {"https://example.com/[x]", "https://example.com/%5Bx%5D"},
        {"https://example.com/a b/", "https://example.com/a%20b/"},
        // IP addresses
        {"https://[::1]/", "https://[::1]/"},
        {"http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"},
        {"http://192.168.0.1/admin", "http://192.168.0.1/admin"},
        // slashes as browsers read them
        {"https:\\\\example.com\\a\\b", "https://example.com/a/b"},
        {"http:example.com/x", "http://example.com/x"},
        {"https://ex%61mple.com/", "https://example.com/"},
        {"https://my_host.example.com/", "https://my_host.example.com/"},
    };

    private static final String[][] KEPT = {
        {"mailto:info@example.com?subject=Hello World", "mailto:info@example.com?subject=Hello World"},
        {"MAILTO:info@example.com", "MAILTO:info@example.com"},
        {"tel:+33 1 23 45 67 89", "tel:+33 1 23 45 67 89"},
        {"sms:+33612345678?body=STOP", "sms:+33612345678?body=STOP"},
        {"#top", "#top"},
        {"", ""},
        {"  ", ""},
    };

    private static final String[] OTHER = {
        "ftp://example.com/file.pdf", "webcal://example.com/agenda.ics", "whatsapp://send?text=Hello"
    };

    private static final Object[][] REFUSED = {
        {"javascript:alert(1)", Reason.LINK_SCRIPT},
        {"JavaScript:void(0)", Reason.LINK_SCRIPT},
        {" java\nscript:alert(document.cookie)", Reason.LINK_SCRIPT},
        {"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", Reason.LINK_SCRIPT},
        {"vbscript:msgbox(1)", Reason.LINK_SCRIPT},
        {"/path/to/page", Reason.LINK_RELATIVE},
        {"//cdn.example.com/page", Reason.LINK_RELATIVE},
        {"page.html", Reason.LINK_RELATIVE},
        {"www.example.com/offer", Reason.LINK_RELATIVE},
        {"?utm_source=x", Reason.LINK_RELATIVE},
        {"http://", Reason.LINK_NO_HOST},
        {"https:///", Reason.LINK_NO_HOST},
        {"https://?q=1", Reason.LINK_NO_HOST},
        {"http://exa mple.com", Reason.LINK_BAD_HOST},
        {"https://exa|mple.com/", Reason.LINK_BAD_HOST},
        {"https://xn--zz.example/", Reason.LINK_BAD_HOST},
        {"https://a..b.example/", Reason.LINK_BAD_HOST},
        {"https://[::1/", Reason.LINK_BAD_HOST},
        {"https://[zz::1]/", Reason.LINK_BAD_HOST},
        {"https://example.com:99999/", Reason.LINK_BAD_PORT},
        {"https://example.com:80a/", Reason.LINK_BAD_PORT},
        {"https://example.com/100%", Reason.LINK_BAD_PERCENT},
        {"https://example.com/?discount=50%off", Reason.LINK_BAD_PERCENT},
        {"https://ex%zzample.com/", Reason.LINK_BAD_PERCENT},
        {"https://user:secret@example.com/", Reason.LINK_USERINFO},
        {"https://www.bank.example@evil.example/login", Reason.LINK_USERINFO},
    };

    @Test
    void webLinksAreNormalisedAsBrowsersReadThem() {
        List<String> wrong = new ArrayList<>();
        for (String[] c : WEB) {
            LinkUrl link = LinkUrl.read(c[0]);
            if (link.kind() != LinkUrl.Kind.WEB || !c[1].equals(link.url())) {
                wrong.add(c[0] + " -> " + link + ", expected " + c[1]);
            } else {
                // What the click endpoint redirects to: any URI parser takes it.
                URI uri = URI.create(link.url());
                assertTrue(uri.isAbsolute(), link.url());
                assertEquals(link.url(), LinkUrl.read(link.url()).url(), "normalising again changes nothing");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void otherLinksAreKeptAsWritten() {
        List<String> wrong = new ArrayList<>();
        for (String[] c : KEPT) {
            LinkUrl link = LinkUrl.read(c[0]);
            if (link.kind() != LinkUrl.Kind.KEPT || !c[1].equals(link.url())) {
                wrong.add(c[0] + " -> " + link);
            }
        }
        for (String href : OTHER) {
            LinkUrl link = LinkUrl.read(href);
            if (link.kind() != LinkUrl.Kind.OTHER_SCHEME || !href.equals(link.url())) {
                wrong.add(href + " -> " + link);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void whatCannotBeALinkOfAnEmailIsRefusedWithItsReason() {
        List<String> wrong = new ArrayList<>();
        for (Object[] c : REFUSED) {
            LinkUrl link = LinkUrl.read((String) c[0]);
            if (link.kind() != LinkUrl.Kind.REFUSED || link.reason() != c[1] || link.url() != null) {
                wrong.add(c[0] + " -> " + link + ", expected " + c[1]);
            }
        }
        assertEquals(List.of(), wrong);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LinkUrl.normalise("https://example.com/100%"));
        assertTrue(e.getMessage().contains("https://example.com/100%"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinkUrl.normalise("mailto:a@example.com"));
    }

    @Test
    void aValueInAUrlIsPercentEncodedWhole() {
        assertEquals("a%2Bb%40example.com", LinkUrl.encodeValue("a+b@example.com"));
        assertEquals("Jean%20Marc%20%26%20Co%3F%23", LinkUrl.encodeValue("Jean Marc & Co?#"));
        assertEquals("Zo%C3%A9-d_1.~", LinkUrl.encodeValue("Zoé-d_1.~"));
        assertEquals("%25%7C", LinkUrl.encodeValue("%|"));
        assertEquals("", LinkUrl.encodeValue(""));
    }
}
