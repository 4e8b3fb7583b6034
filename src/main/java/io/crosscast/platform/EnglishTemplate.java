package io.crosscast.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The English wording of a problem, read from the bundle that holds it in every language: the bundles are the one
 * place of the wordings, and the English one is what the REST API, exceptions and logs say. Plain Java
 * ({@link ResourceBundle} and {@link MessageFormat}), read without falling back to the server's locale.
 */
public final class EnglishTemplate {

    /** The pages' bundle, {@code messages.properties} (English) and {@code messages_fr.properties}. */
    public static final String MESSAGES = "io.crosscast.web.messages";

    /** The workflows' bundle, {@code texts.properties} (English) and {@code texts_fr.properties}. */
    public static final String TEXTS = "io.crosscast.engine.texts";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    private EnglishTemplate() {}

    /** The English text of {@code key} in {@code bundle}, filled with {@code arguments} ({@link #fill}). */
    public static String text(String bundle, String key, List<?> arguments) {
        return fill(pattern(bundle, key), arguments);
    }

    /** The English pattern of {@code key} in {@code bundle}; the key itself when the bundle has none (a bug). */
    public static String pattern(String bundle, String key) {
        try {
            return ResourceBundle.getBundle(bundle, Locale.ROOT, EnglishTemplate.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * A pattern of the bundles filled as the pages fill it: a pattern with placeholders is a {@link MessageFormat}
     * ({@code ''} for a quote), its {@code {0}}, {@code {1}}... replaced by the arguments as they are (a placeholder
     * without an argument becomes empty); a pattern without placeholders is the text as written.
     */
    public static String fill(String pattern, List<?> arguments) {
        if (!PLACEHOLDER.matcher(pattern).find()) {
            return pattern;
        }
        MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
        Object[] values = new Object[Math.max(arguments.size(), format.getFormatsByArgumentIndex().length)];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < arguments.size() ? arguments.get(i) : "";
        }
        return format.format(values);
    }

    /** Text to put in a pattern as it is: quotes doubled, braces quoted. */
    public static String literal(String text) {
        return text.replace("'", "''").replace("{", "'{'").replace("}", "'}'");
    }
}
