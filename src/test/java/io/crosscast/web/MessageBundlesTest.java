package io.crosscast.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the UI exists in English and in French, and every key a page uses exists. */
class MessageBundlesTest {

    private static final Pattern MSG_KEY = Pattern.compile("msg\\['([^']+)'\\]");

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> french = load("messages_fr.properties").stringPropertyNames();
        assertEquals(new TreeSet<>(english), new TreeSet<>(french));
    }

    @Test
    void noFrenchTextIsLeftEmpty() throws IOException {
        Properties french = load("messages_fr.properties");
        for (String key : french.stringPropertyNames()) {
            assertTrue(!french.getProperty(key).isBlank(), "empty French text for " + key);
        }
    }

    @Test
    void everyKeyUsedInAPageExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = MSG_KEY.matcher(Files.readString(page));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from messages.properties: " + missing);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/io/crosscast/web/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
