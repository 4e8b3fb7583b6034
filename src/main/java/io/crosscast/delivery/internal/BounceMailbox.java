package io.crosscast.delivery.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One reading of the bounce mailbox (the INBOX of the mail session's POP3 or IMAP server): every message is parsed
 * ({@link BounceParser}), the bounces are recorded together ({@code record}, one transaction), then deleted; a
 * message that is no bounce (or cannot be read) is logged and left aside (IMAP: moved to
 * {@link BounceSettings#asideFolder()}; POP3: left in the mailbox, logged once). Should recording fail, nothing is
 * deleted: the next reading records them (a bounce already recorded counts once). At most {@link #LIMIT} bounces
 * per reading; a message already found to be no bounce is skipped after reading its headers.
 */
public final class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

    static final int LIMIT = 500;

    /** Messages already found to be no bounce (POP3 leaves them in the mailbox), by Message-ID; bounded. */
    private static final Set<String> LOGGED = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    /** Records a reading's bounces. */
    @FunctionalInterface
    public interface Recorder {
        BounceRows.Outcome record(List<Bounce> bounces) throws SQLException;
    }

    /** What a reading did. */
    public record Reading(int messages, int notBounces, BounceRows.Outcome outcome) {}

    private BounceMailbox() {}

    public static Reading read(Session session, BounceSettings settings, Recorder recorder)
            throws MessagingException, SQLException {
        Store store = session.getStore(settings.protocol());
        store.connect();
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            boolean expunge = false;
            try {
                int count = inbox.getMessageCount();
                List<Bounce> bounces = new ArrayList<>();
                List<Message> read = new ArrayList<>();
                List<Message> aside = new ArrayList<>();
                for (int number = 1; number <= count && bounces.size() < LIMIT; number++) {
                    Message message = inbox.getMessage(number);
                    // a message known to be no bounce (POP3 leaves them in the inbox) is not downloaded again
                    if (knownAside(message)) {
                        continue;
                    }
                    Optional<Bounce> bounce = parse(message);
                    if (bounce.isPresent()) {
                        bounces.add(bounce.get());
                        read.add(message);
                    } else {
                        aside.add(message);
                    }
                }
                BounceRows.Outcome outcome = recorder.record(bounces);
                for (Message message : read) {
                    message.setFlag(Flags.Flag.DELETED, true);
                }
                if (!aside.isEmpty() && settings.protocol().startsWith("imap")) {
                    moveAside(store, inbox, aside, settings.asideFolder());
                }
                expunge = true;
                return new Reading(read.size() + aside.size(), aside.size(), outcome);
            } finally {
                inbox.close(expunge);
            }
        } finally {
            store.close();
        }
    }

    private static Optional<Bounce> parse(Message message) {
        String subject = "";
        try {
            subject = message.getSubject();
            if (message instanceof MimeMessage mime) {
                Optional<Bounce> bounce = BounceParser.parse(mime);
                if (bounce.isEmpty()) {
                    logOnce(
                            message,
                            "Bounce mailbox: a message that is no bounce left aside (subject \"" + subject + "\", from "
                                    + String.join(", ", from(message)) + ")");
                }
                return bounce;
            }
            return Optional.empty();
        } catch (MessagingException | IOException | RuntimeException e) {
            logOnce(
                    message,
                    "Bounce mailbox: a message could not be read and is left aside (subject \"" + subject + "\"): "
                            + e);
            return Optional.empty();
        }
    }

    private static List<String> from(Message message) throws MessagingException {
        List<String> from = new ArrayList<>();
        if (message.getFrom() != null) {
            for (var address : message.getFrom()) {
                from.add(address.toString());
            }
        }
        return from;
    }

    private static void logOnce(Message message, String text) {
        String key = key(message);
        boolean first;
        synchronized (LOGGED) {
            first = key == null || LOGGED.add(key);
        }
        LOG.log(first ? Level.INFO : Level.FINE, text);
    }

    /** Whether this message was already found to be no bounce (by its Message-ID; only its headers are read). */
    private static boolean knownAside(Message message) {
        String key = key(message);
        if (key == null) {
            return false;
        }
        synchronized (LOGGED) {
            return LOGGED.contains(key);
        }
    }

    private static String key(Message message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            return ids == null || ids.length == 0 ? null : ids[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static void moveAside(Store store, Folder inbox, List<Message> aside, String folderName) {
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            inbox.copyMessages(aside.toArray(new Message[0]), folder);
            for (Message message : aside) {
                message.setFlag(Flags.Flag.DELETED, true);
            }
        } catch (MessagingException e) {
            LOG.warning("Bounce mailbox: messages that are no bounces stay in the inbox (folder \"" + folderName
                    + "\" not usable: " + e.getMessage() + ")");
        }
    }
}
