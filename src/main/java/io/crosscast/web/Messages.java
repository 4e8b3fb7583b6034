package io.crosscast.web;

import io.crosscast.engine.Text;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the resource bundle in the viewer's language, and Faces messages built from them. */
public final class Messages {

    private static final String BUNDLE = "io.crosscast.web.messages";

    private Messages() {}

    /** The bundle in the viewer's language. */
    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, locale());
    }

    /** The viewer's language (the view's locale, from the browser's Accept-Language). */
    public static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /**
     * A text of the workflow engine or of a workflow activity ({@link Text}, bundle {@value Text#BUNDLE}) in the
     * viewer's language, numbers and times in the viewer's format (times of the server's zone); empty for null.
     */
    public static String text(Text text) {
        return text == null ? "" : text.in(locale());
    }

    public static String text(String key, Object... arguments) {
        return textOr(key, key, arguments);
    }

    /** The text of {@code key}, or {@code fallback} when the bundle has no such key. */
    public static String textOr(String key, String fallback, Object... arguments) {
        return textOr(bundle(), key, fallback, arguments);
    }

    /**
     * The text of {@code key} in {@code bundle}, or {@code fallback} when it has no such key. A text with
     * arguments is a {@link MessageFormat} pattern (quotes doubled); a text without is used as written.
     */
    public static String textOr(ResourceBundle bundle, String key, String fallback, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** A growl message from the bundle. */
    public static void info(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    /** An error shown beside the component {@code clientId} (or globally when null), text as given. */
    public static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
