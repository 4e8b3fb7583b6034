package io.crosscast.delivery;

import io.crosscast.platform.EnglishTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons the sending itself writes into a ledger row or a quarantine (besides the exclusion codes and
 * the servers' own answers), in English as the row stores them and the REST API returns them (the English bundle's
 * wording, key {@link #key()}). Pages word them in the viewer's language: {@link #read(String)} recognises a stored
 * reason and gives back its arguments.
 */
public enum LedgerReason {

    /** No arguments. */
    RECIPIENT_DELETED,
    /** Arguments: why (English, from the library that built it). */
    NOT_BUILT,
    /** Arguments: the number of attempts, the last answer (the server's words, or one of these reasons). */
    GAVE_UP,
    /** The SMSC refused a text message. Arguments: its answer and status ({@code ... (status 0x45)}). */
    SMSC_REFUSED,
    /** A bounce came back after the SMTP server had accepted the message. Arguments: its status and words. */
    BOUNCED,
    /** An address quarantined after soft bounces. Arguments: how many, in how many days, the last one's words. */
    SOFT_BOUNCES;

    /** Stands for each argument while the English text is turned into a pattern that recognises it. */
    private static final String ARGUMENT = "\u0000";

    /** The English text with its arguments as groups, in the order they appear. */
    private final Pattern pattern;

    LedgerReason() {
        String english = EnglishTemplate.text(EnglishTemplate.MESSAGES, key(), List.of(ARGUMENT, ARGUMENT, ARGUMENT));
        this.pattern = Pattern.compile(
                Arrays.stream(english.split(ARGUMENT, -1))
                        .map(Pattern::quote)
                        .reduce((a, b) -> a + "(.*)" + b)
                        .orElse(""),
                Pattern.DOTALL);
    }

    /** The key of the wording in the web bundles. */
    public String key() {
        return "ledger.reason." + name();
    }

    /** The reason as the ledger stores it. */
    public String format(Object... arguments) {
        return EnglishTemplate.text(
                EnglishTemplate.MESSAGES,
                key(),
                Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** A stored reason recognised: which one, with its arguments. */
    public record Read(LedgerReason reason, List<String> arguments) {}

    /** The reason this stored text was written as, if it is one of these. */
    public static Optional<Read> read(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        for (LedgerReason reason : values()) {
            Matcher m = reason.pattern.matcher(stored);
            if (m.matches()) {
                List<String> arguments = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    arguments.add(m.group(i));
                }
                return Optional.of(new Read(reason, arguments));
            }
        }
        return Optional.empty();
    }
}
