package io.crosscast.content;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The email of one delivery, compiled once and composed per recipient.
 *
 * <p>{@link #compile} checks the content ({@link Personalization}), makes the HTML body trackable
 * ({@link LinkRewriter}: tracked links, open pixel, unsubscription link), derives the text body from it when
 * the marketer wrote none, and ends a written text body with an unsubscription line unless it already uses
 * {@code {{unsubscribeUrl}}}. Then {@link #compose} builds each recipient's {@link MimeMessage}: From (with
 * a UTF-8 display name), To, optional Reply-To, a UTF-8 subject, a {@code multipart/alternative} of the
 * text and the HTML bodies in UTF-8, the Message-ID the caller chose (kept when the message is saved or
 * sent), and {@code List-Unsubscribe} with, for an https URL, {@code List-Unsubscribe-Post} (RFC 8058
 * one-click). Tracking URLs come from the caller's {@link TrackingUrls}. Immutable and thread-safe.
 */
public final class EmailComposer {

    /**
     * The text parts' transfer encoding, named rather than left to Jakarta Mail: choosing it, Jakarta Mail reads
     * each part's whole content through a checking stream when the message is saved (a third of the sending's CPU
     * in a profile). Quoted-printable is what it picks for text that is mostly ASCII, and safe for any UTF-8 text.
     */
    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";

    private static final String QUOTED_PRINTABLE = "quoted-printable";

    private static final String UTF_8 = "UTF-8";

    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final PersonalizedTemplate subject;
    private final PersonalizedTemplate html;
    private final PersonalizedTemplate text;
    private final List<TrackedLink> links;
    private final List<String> warnings;
    private final String[] linkVariables;
    private final Map<String, String> urlVariables;
    private final TrackingUrls urls;
    private final Clock clock;

    private EmailComposer(
            InternetAddress from,
            InternetAddress replyTo,
            PersonalizedTemplate subject,
            PersonalizedTemplate html,
            PersonalizedTemplate text,
            RewrittenHtml rewritten,
            TrackingUrls urls,
            Clock clock) {
        this.from = from;
        this.replyTo = replyTo;
        this.subject = subject;
        this.html = html;
        this.text = text;
        this.links = rewritten.links();
        this.warnings = rewritten.warnings();
        this.linkVariables = new String[links.size()];
        for (int i = 0; i < linkVariables.length; i++) {
            linkVariables[i] = Personalization.linkVariable(i);
        }
        this.urlVariables = new HashMap<>();
        for (PersonalizedTemplate template : List.of(html, text)) {
            for (String name : template.variables()) {
                String encoded = Personalization.urlEncoded(name);
                if (encoded != null) {
                    urlVariables.put(name, encoded);
                }
            }
        }
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * The delivery's email, ready to compose; the Date header is the system clock's.
     *
     * @param unsubscribeText the text of the unsubscription link added to the HTML body and of the line
     *                        added to the text body, in the recipients' language
     * @throws InvalidContentException  if the subject, the HTML body or the text body has problems
     * @throws IllegalArgumentException if the sender or reply-to address is not an email address, or the
     *                                  unsubscription text is blank
     */
    public static EmailComposer compile(EmailContent content, String unsubscribeText, TrackingUrls urls) {
        return compile(content, unsubscribeText, urls, Clock.systemUTC());
    }

    /** As {@link #compile(EmailContent, String, TrackingUrls)}, with the clock that dates the messages. */
    public static EmailComposer compile(EmailContent content, String unsubscribeText, TrackingUrls urls, Clock clock) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(clock, "clock");
        LinkRewriter.checkUnsubscribeText(unsubscribeText);
        List<ContentProblem> problems = Personalization.problems(content.subject(), content.html(), content.text());
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        InternetAddress from = address("sender", content.senderAddress(), content.senderName());
        InternetAddress replyTo = content.replyTo() == null || content.replyTo().isBlank()
                ? null
                : address("reply-to", content.replyTo(), null);

        RewrittenHtml rewritten = LinkRewriter.rewrite(content.html(), unsubscribeText);
        int linkCount = rewritten.links().size();
        PersonalizedTemplate html = Personalization.compileRewritten(ContentPart.HTML, rewritten.template(), linkCount);
        String textSource = content.text() == null || content.text().isBlank()
                ? TextVersion.of(rewritten.template())
                : content.text();
        if (!Personalization.uses(textSource, Personalization.UNSUBSCRIBE_URL)) {
            textSource = textSource.stripTrailing() + "\n\n" + unsubscribeText.strip() + ": {{"
                    + Personalization.UNSUBSCRIBE_URL + "}}\n";
        }
        PersonalizedTemplate text = Personalization.compileRewritten(ContentPart.TEXT, textSource, linkCount);
        PersonalizedTemplate subject = Personalization.compile(ContentPart.SUBJECT, content.subject());
        return new EmailComposer(from, replyTo, subject, html, text, rewritten, urls, clock);
    }

    /** The tracked links of the HTML body, by index, to store with the delivery. */
    public List<TrackedLink> links() {
        return links;
    }

    /** What the marketer may want to know: links left untracked, labels cut short. */
    public List<String> warnings() {
        return warnings;
    }

    /** The HTML template as sent: tracked links, unsubscription link and open pixel in place. */
    public String htmlTemplate() {
        return html.source();
    }

    /** The text template as sent: written or derived from the HTML, with its unsubscription line. */
    public String textTemplate() {
        return text.source();
    }

    /** The email as the recipient would receive it, for previews and proofs. */
    public RenderedEmail preview(RecipientValues values) {
        Map<String, String> scope = scope(values);
        return new RenderedEmail(renderSubject(scope), html.render(scope), text.render(scope));
    }

    /**
     * The message to one recipient, saved (headers final) and ready for {@code Transport.send}.
     *
     * @param to        the address to send to: the recipient's, or a tester's for a proof
     * @param messageId the Message-ID, with its angle brackets ({@code <d1.r2.xyz@example.com>}); the same
     *                  one on every attempt lets the ledger and bounces find the message
     * @throws AddressException   if {@code to} is not an email address
     * @throws MessagingException if Jakarta Mail refuses the message
     */
    public MimeMessage compose(Session session, RecipientValues values, String to, String messageId)
            throws MessagingException {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(to, "to");
        checkMessageId(messageId);
        Map<String, String> scope = scope(values);
        String unsubscribeUrl = scope.get(Personalization.UNSUBSCRIBE_URL);

        MimeMessage message = new StableIdMimeMessage(session, messageId);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.strip(), true));
        if (replyTo != null) {
            message.setReplyTo(new InternetAddress[] {replyTo});
        }
        message.setSubject(renderSubject(scope), UTF_8);
        message.setHeader("Date", dateHeader());

        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text.render(scope), UTF_8, "plain");
        textPart.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html.render(scope), UTF_8, "html");
        htmlPart.setHeader(TRANSFER_ENCODING, QUOTED_PRINTABLE);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);

        message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        if (unsubscribeUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.saveChanges();
        return message;
    }

    /**
     * The Date header as {@link MimeMessage#setSentDate} writes it, formatted once a second rather than for every
     * message (a date format is costly, and the header counts seconds).
     */
    private String dateHeader() {
        long second = clock.instant().getEpochSecond();
        DateHeader known = date;
        if (known == null || known.second() != second) {
            known = new DateHeader(second, new MailDateFormat().format(Date.from(Instant.ofEpochSecond(second))));
            date = known;
        }
        return known.text();
    }

    private record DateHeader(long second, String text) {}

    private volatile DateHeader date;

    private Map<String, String> scope(RecipientValues values) {
        Objects.requireNonNull(values, "values");
        long recipientId = values.recipientId();
        Map<String, String> scope = new HashMap<>(32 + linkVariables.length * 2);
        values.putInto(scope);
        scope.put(Personalization.UNSUBSCRIBE_URL, checkedUrl(urls.unsubscribe(recipientId), "unsubscribe"));
        scope.put(Personalization.OPEN_PIXEL, checkedUrl(urls.open(recipientId), "open"));
        for (int i = 0; i < linkVariables.length; i++) {
            scope.put(linkVariables[i], checkedUrl(urls.click(recipientId, i), "click"));
        }
        // Recipient values in personalized links, percent-encoded (read from the scope: the unsubscription URL too).
        urlVariables.forEach(
                (variable, name) -> scope.put(variable, LinkUrl.encodeValue(scope.getOrDefault(name, ""))));
        return scope;
    }

    /** The subject on one line: a value with a line break cannot split the header. */
    private String renderSubject(Map<String, String> scope) {
        return subject.render(scope).replace('\r', ' ').replace('\n', ' ').strip();
    }

    private static String checkedUrl(String url, String kind) {
        if (url == null || url.isEmpty()) {
            throw new IllegalStateException("The " + kind + " tracking URL is empty");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7F) {
                throw new IllegalStateException("The " + kind + " tracking URL has a character it cannot: " + url);
            }
        }
        return url;
    }

    private static void checkMessageId(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        boolean ok = messageId.length() > 4
                && messageId.startsWith("<")
                && messageId.endsWith(">")
                && messageId.indexOf('@') > 1
                && messageId.indexOf('<', 1) < 0
                && messageId.indexOf('>') == messageId.length() - 1;
        for (int i = 0; ok && i < messageId.length(); i++) {
            char c = messageId.charAt(i);
            ok = c > ' ' && c < 0x7F;
        }
        if (!ok) {
            throw new IllegalArgumentException("Not a Message-ID: " + messageId);
        }
    }

    private static InternetAddress address(String role, String address, String personal) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("The " + role + " address is missing");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            if (personal != null && !personal.isBlank()) {
                parsed.setPersonal(personal.strip(), UTF_8);
            }
            return parsed;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("The " + role + " address is not an email address: " + address, e);
        }
    }
}
