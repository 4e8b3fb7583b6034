package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine's texts exist in English and in French, with the same keys and the same arguments, and every pattern
 * is a valid MessageFormat whose quotes are doubled.
 */
class TextBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    static Properties english() throws IOException {
        return load("texts.properties");
    }

    static Properties french() throws IOException {
        return load("texts_fr.properties");
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(english().stringPropertyNames()), new TreeSet<>(french().stringPropertyNames()));
    }

    @Test
    void everyFrenchTextIsWrittenInFrench() throws IOException {
        Properties english = english();
        Properties french = french();
        List<String> untranslated = new ArrayList<>();
        for (String key : french.stringPropertyNames()) {
            String text = french.getProperty(key);
            if (text.isBlank() || (text.equals(english.getProperty(key)) && !key.equals(Text.VERBATIM))) {
                untranslated.add(key);
            }
        }
        assertEquals(List.of(), untranslated);
    }

    @Test
    void englishAndFrenchUseTheSameArguments() throws IOException {
        Properties english = english();
        Properties french = french();
        List<String> different = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (!arguments(english.getProperty(key)).equals(arguments(french.getProperty(key, "")))) {
                different.add(key);
            }
        }
        assertEquals(List.of(), different);
    }

    @Test
    void everyPatternIsAMessageFormatWithDoubledQuotes() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Properties bundle : List.of(english(), french())) {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                try {
                    new MessageFormat(pattern, Locale.FRENCH);
                } catch (IllegalArgumentException e) {
                    wrong.add(key + ": " + e.getMessage());
                }
                if (pattern.replace("''", "").contains("'")) {
                    wrong.add(key + ": a single quote (write '' for an apostrophe)");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theBundleIsReadAsUtf8() {
        assertEquals(
                "Le workflow n'a pas d'activité Début",
                Text.of("validator.noStart").in(Locale.FRENCH));
        assertEquals(
                "Boucle sans Attente ni Planificateur passant par a, b",
                Text.of("validator.cycle", "a, b").in(Locale.FRENCH));
    }

    private static Set<String> arguments(String pattern) {
        Set<String> indices = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            indices.add(m.group(1));
        }
        return indices;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextBundlesTest.class.getResourceAsStream("/io/crosscast/engine/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
