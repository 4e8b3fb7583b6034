package io.crosscast.web.delivery;

import io.crosscast.delivery.sms.SmsEncoding;
import io.crosscast.delivery.sms.SmsLength;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The counter under an SMS text, in the viewer's language: "GSM-7 · 87 characters · 1 part". Lengths come from
 * {@link SmsEncoding#measure}, the count the sending uses; characters are its units (septets in GSM-7, where
 * {@code € [ ] { } ^ ~ | \} count 2; UTF-16 units in UCS-2, where most emoji count 2). Plain Java: the texts
 * come from the bundle given.
 */
public final class SmsCounter {

    private SmsCounter() {}

    /**
     * The length of a text as typed in the page, the way the composer sends it: line ends as one character
     * (browsers post CR LF), no white space around.
     */
    public static SmsLength measure(String typed) {
        String text = typed == null
                ? ""
                : typed.replace("\r\n", "\n").replace('\r', '\n').strip();
        return SmsEncoding.measure(text);
    }

    /** "GSM-7 · 87 characters · 1 part" (key {@code sms.length}); an empty text has 0 parts. */
    public static String describe(SmsLength length, ResourceBundle bundle) {
        return format(
                bundle,
                "sms.length",
                encoding(length.encoding(), bundle),
                length.units(),
                length.units() == 0 ? 0 : length.parts());
    }

    /** How much more fits before the text takes one more part (key {@code sms.left}). */
    public static String left(SmsLength length, ResourceBundle bundle) {
        return format(bundle, "sms.left", length.unitsLeftInLastPart());
    }

    /** "GSM-7" or "UCS-2 (Unicode)" (keys {@code sms.encoding.GSM7}, {@code sms.encoding.UCS2}). */
    public static String encoding(SmsEncoding encoding, ResourceBundle bundle) {
        return bundle.getString("sms.encoding." + encoding.name());
    }

    private static String format(ResourceBundle bundle, String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }
}
