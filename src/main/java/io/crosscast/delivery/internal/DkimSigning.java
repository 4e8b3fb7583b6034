package io.crosscast.delivery.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.interfaces.RSAPrivateKey;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * DKIM signing (RFC 6376, rsa-sha256, relaxed/relaxed) of the messages of one sender domain with the key
 * {@link DkimKeys} read, by java-utils-mail-dkim ({@code org.simplejavamail:utils-mail-dkim}): the signature is
 * computed when the message is written to the SMTP connection. Besides the library's default headers (From, To,
 * Subject, Date, Message-ID, MIME and content headers, List-Unsubscribe, Reply-To...) the signature covers
 * {@code List-Unsubscribe-Post} (RFC 8058 requires it) and {@code Feedback-ID}. The library's signer is not
 * thread-safe (one digest and one signature object), so each message gets its own: that costs two JCA look-ups, the
 * RSA signature itself costs far more. Thread-safe.
 */
public final class DkimSigning {

    private final String domain;
    private final String selector;
    private final RSAPrivateKey key;

    DkimSigning(String domain, String selector, RSAPrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
        signer(); // a key the library refuses fails here, once, rather than at every message
    }

    public String domain() {
        return domain;
    }

    public String selector() {
        return selector;
    }

    /**
     * The message signed when it is written: a copy of {@code message} (saved already, its headers final) that
     * keeps its Message-ID.
     */
    public MimeMessage sign(MimeMessage message) throws MessagingException {
        return new SignedMessage(message, signer());
    }

    private DkimSigner signer() {
        DkimSigner signer = new DkimSigner(domain, selector, key);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        // The public key is the administrator's to publish; the library would look it up in DNS for every message.
        signer.setCheckDomainKey(false);
        signer.addHeaderToSign("List-Unsubscribe-Post");
        signer.addHeaderToSign(OutgoingEmail.FEEDBACK_ID);
        return signer;
    }

    /** The library's message, which would make up a new Message-ID if it were saved again. */
    private static final class SignedMessage extends DkimMessage {

        SignedMessage(MimeMessage message, DkimSigner signer) throws MessagingException {
            super(message, signer);
        }

        @Override
        protected void updateMessageID() {
            // The copy has the original's Message-ID header already: keep it.
        }
    }
}
