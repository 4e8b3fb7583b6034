package io.crosscast.delivery.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The DKIM keys an administrator configured, per sender domain, as system properties of the server:
 * {@code crosscast.dkim.<domain>.selector} and {@code crosscast.dkim.<domain>.keyFile} (an RSA private key in
 * PKCS#8, PEM ({@code -----BEGIN PRIVATE KEY-----}) or DER, in a file outside the WAR that only the server's user
 * reads). The key is never stored by the application: it is read from its file when a sending run or a proof
 * starts, once for all its messages.
 *
 * <p>A sender domain without a selector is sent unsigned. A domain with a selector whose key cannot be read is an
 * error ({@link DkimKeyException}): its messages are not sent unsigned (a receiver applying the domain's DMARC
 * policy would reject or quarantine them). Each distinct problem is logged once, until the key reads again.
 */
@ApplicationScoped
public class DkimKeys {

    private static final Logger LOG = Logger.getLogger(DkimKeys.class.getName());
    static final String PREFIX = "crosscast.dkim.";

    private final UnaryOperator<String> properties;
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    public DkimKeys() {
        this(System::getProperty);
    }

    /** With another source of properties than the system's (tests). */
    DkimKeys(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    /** The system property naming the selector of a domain. */
    public static String selectorProperty(String domain) {
        return PREFIX + domain + ".selector";
    }

    /** The system property naming the private key file of a domain. */
    public static String keyFileProperty(String domain) {
        return PREFIX + domain + ".keyFile";
    }

    /**
     * The signing for messages from {@code senderAddress}: empty when its domain has no DKIM selector configured.
     *
     * @throws DkimKeyException if the domain has a selector but no readable RSA private key
     */
    public Optional<DkimSigning> forSender(String senderAddress) {
        String domain = domainOf(senderAddress);
        if (domain == null) {
            return Optional.empty();
        }
        String selector = blankToNull(properties.apply(selectorProperty(domain)));
        if (selector == null) {
            return Optional.empty();
        }
        String keyFile = blankToNull(properties.apply(keyFileProperty(domain)));
        try {
            if (keyFile == null) {
                throw new DkimKeyException(domain, "no key file: set " + keyFileProperty(domain));
            }
            RSAPrivateKey key = read(domain, Path.of(keyFile));
            DkimSigning signing = new DkimSigning(domain, selector, key);
            if (reported.remove(domain) != null) {
                LOG.info("DKIM key of " + domain + " read again from " + keyFile + ": messages are signed");
            }
            return Optional.of(signing);
        } catch (DkimKeyException e) {
            if (!e.getMessage().equals(reported.put(domain, e.getMessage()))) {
                LOG.log(Level.SEVERE, e.getMessage() + "; messages from " + domain + " are not sent until it is fixed");
            }
            throw e;
        }
    }

    private static RSAPrivateKey read(String domain, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DkimKeyException(domain, "its key file " + file + " cannot be read (" + e + ")");
        }
        try {
            byte[] der = isPem(bytes) ? pemBody(bytes) : bytes;
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new DkimKeyException(
                    domain, "its key file " + file + " holds no RSA private key in PKCS#8, PEM or DER (" + e + ")");
        }
    }

    private static boolean isPem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1).contains("-----BEGIN");
    }

    /** The base64 between the PEM armour lines of a PKCS#8 key ({@code BEGIN PRIVATE KEY}). */
    private static byte[] pemBody(byte[] bytes) {
        String pem = new String(bytes, StandardCharsets.US_ASCII);
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalArgumentException("a PKCS#1 key (BEGIN RSA PRIVATE KEY): convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no BEGIN PRIVATE KEY block (an encrypted key is not read)");
        }
        String body = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end);
        return Base64.getMimeDecoder().decode(body);
    }

    /** The domain of an address, lower-case, or null. */
    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return null;
        }
        String domain = address.substring(at + 1).strip();
        if (domain.endsWith(">")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain.isEmpty() ? null : domain.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A configured DKIM key that cannot be used; the message names the domain, the file and why. */
    public static final class DkimKeyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DkimKeyException(String domain, String why) {
            super("DKIM signing of " + domain + " is configured (" + selectorProperty(domain) + ") but " + why);
        }
    }
}
