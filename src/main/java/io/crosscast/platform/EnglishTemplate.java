package io.crosscast.platform;

import java.util.List;

/**
 * Fills the English wording of a problem: {@code {0}}, {@code {1}}... are replaced by the arguments, in one
 * pass (an argument that itself contains {@code {1}} stays as it is), and every other character, quotes and
 * braces included, is kept as written. Translations of the same wordings live in the web bundles, as
 * {@link java.text.MessageFormat} patterns with the same placeholders.
 */
public final class EnglishTemplate {

    private EnglishTemplate() {
    }

    /** The template with its placeholders replaced; a placeholder without an argument becomes empty. */
    public static String format(String template, List<String> arguments) {
        StringBuilder text = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && Character.isDigit(template.charAt(i + 1))
                    && template.charAt(i + 2) == '}') {
                int index = template.charAt(i + 1) - '0';
                text.append(index < arguments.size() ? arguments.get(index) : "");
                i += 3;
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }
}
