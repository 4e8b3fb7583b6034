package io.crosscast.engine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A human-readable text of the engine or of a workflow activity, kept as a bundle key and its arguments so that
 * each reader sees it in their own language.
 *
 * <p>Every key is in the bundle {@value #BUNDLE} ({@code texts.properties}, English, and {@code texts_fr.properties}),
 * the one bundle of everything workflows say: the engine's built-in activities, the validator, the runs, and the
 * container's activities (deliveries, List update) and workflow service. Patterns are {@link MessageFormat}s (quotes
 * doubled: {@code ''}).
 *
 * <p>Arguments are data, never translated: a label, an id, a count, an instant. They are kept as strings (an
 * {@link Instant} as ISO-8601, a number as its digits) or as nested {@code Text}s (translated with the text around
 * them), so a text can be stored and read back as it was. The pattern decides how an argument is shown:
 * {@code {0,number,integer}} (or a {@code choice}) shows a number in the reader's locale, {@code {0,date}} shows an
 * ISO instant as a short date and time in the reader's locale and zone; a plain {@code {0}} shows it as it is.
 *
 * <p>{@link #english()} is the form stored beside the key, written in the server log and answered by the REST API:
 * the English pattern with every argument as it is (digits, ISO instants), so it never depends on the server's
 * locale. {@link #in(Locale)} is the form shown to a person.
 *
 * @param key  the key in {@value #BUNDLE}
 * @param args the arguments, each a {@link String} or a {@code Text}
 */
public record Text(String key, List<Object> args) implements Serializable {

    /** The base name of the bundle holding every key. */
    public static final String BUNDLE = "io.crosscast.engine.texts";

    /** The key of a text that is shown as it is in every language (text stored before keys existed, foreign text). */
    public static final String VERBATIM = "text.verbatim";

    /** The key joining two texts: "{0}; {1}". */
    public static final String JOIN = "text.join";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Checks the key and freezes the arguments (anything but a {@code Text} becomes its string, null an empty one). */
    public Text {
        Objects.requireNonNull(key, "key");
        List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
        copy.replaceAll(Text::argument);
        args = Collections.unmodifiableList(copy);
    }

    /** The text of {@code key} with these arguments (strings, numbers, instants, nested texts...). */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** A text shown as it is in every language. */
    public static Text verbatim(String text) {
        return of(VERBATIM, text);
    }

    /** The texts one after the other, separated by a semicolon ("a; b; c"). */
    public static Text join(List<Text> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to join");
        }
        Text joined = texts.get(texts.size() - 1);
        for (int i = texts.size() - 2; i >= 0; i--) {
            joined = of(JOIN, texts.get(i), joined);
        }
        return joined;
    }

    private static Object argument(Object arg) {
        if (arg == null) {
            return "";
        }
        return arg instanceof Text ? arg : arg.toString();
    }

    /** Whether this text is shown as it is ({@link #verbatim}). */
    public boolean isVerbatim() {
        return VERBATIM.equals(key);
    }

    /** The stored and API form: the English pattern, arguments as they are. */
    public String english() {
        return render(Locale.ROOT, null, true);
    }

    /** The text in {@code locale} (English when the bundle has no such language), instants in the server's zone. */
    public String in(Locale locale) {
        return in(locale, ZoneId.systemDefault());
    }

    /** The text in {@code locale}, numbers in its format, instants as a date and time of {@code zone}. */
    public String in(Locale locale, ZoneId zone) {
        return render(locale == null ? Locale.ROOT : locale, zone == null ? ZoneId.systemDefault() : zone, false);
    }

    /** Every key this text uses: its own and its nested texts'. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(key));
        for (Object arg : args) {
            if (arg instanceof Text nested) {
                keys.addAll(nested.keys());
            }
        }
        return keys;
    }

    private String render(Locale locale, ZoneId zone, boolean asIs) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, Text.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return fallback(locale, zone, asIs);
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] values = new Object[Math.max(args.size(), formats.length)];
        for (int i = 0; i < values.length; i++) {
            Object arg = i < args.size() ? args.get(i) : "";
            Format f = i < formats.length ? formats[i] : null;
            if (arg instanceof Text nested) {
                values[i] = nested.render(locale, zone, asIs);
                if (f != null) {
                    format.setFormatByArgumentIndex(i, null);
                }
                continue;
            }
            String value = (String) arg;
            values[i] = value;
            if (f instanceof NumberFormat && (f instanceof ChoiceFormat || !asIs)) {
                Number number = number(value);
                if (number == null) {
                    format.setFormatByArgumentIndex(i, null);
                } else {
                    values[i] = number;
                }
            } else if (f instanceof NumberFormat) {
                format.setFormatByArgumentIndex(i, null);
            } else if (f instanceof DateFormat) {
                Instant instant = asIs ? null : instant(value);
                if (instant == null) {
                    format.setFormatByArgumentIndex(i, null);
                } else {
                    format.setFormatByArgumentIndex(
                            i,
                            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                                    .withLocale(locale)
                                    .withZone(zone)
                                    .toFormat());
                    values[i] = instant;
                }
            }
        }
        return format.format(values);
    }

    /** A key missing from the bundle (a bug the bundle tests catch): the key and its arguments, readable anyway. */
    private String fallback(Locale locale, ZoneId zone, boolean asIs) {
        StringBuilder text = new StringBuilder(key);
        for (Object arg : args) {
            text.append(' ').append(arg instanceof Text nested ? nested.render(locale, zone, asIs) : arg);
        }
        return text.toString();
    }

    private static Number number(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException notDecimal) {
                return null;
            }
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The English form, so that a text concatenated or logged reads as before. */
    @Override
    public String toString() {
        return english();
    }
}
