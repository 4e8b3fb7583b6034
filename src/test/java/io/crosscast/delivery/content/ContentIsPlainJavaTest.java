package io.crosscast.delivery.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The content side of deliveries and the tracking tokens (io.crosscast.tracking.token) stay plain Java: Mustache, jsoup,
 * the shared English template filler and, in the two classes that build messages, Jakarta Mail; no container API.
 */
class ContentIsPlainJavaTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Set<String> MAIL_CLASSES = Set.of("EmailComposer.java", "StableIdMimeMessage.java");

    @Test
    void deliveryContentImportsOnlyItsLibraries() throws IOException {
        List<String> offending = check(Path.of("src/main/java/io/crosscast/delivery/content"), (file, imported) ->
                imported.startsWith("java.") || imported.startsWith("io.crosscast.delivery.content.")
                        || imported.equals("io.crosscast.platform.EnglishTemplate") // plain Java, shared wording
                        || imported.startsWith("com.github.mustachejava.") || imported.startsWith("org.jsoup.")
                        || (imported.startsWith("jakarta.mail.") && MAIL_CLASSES.contains(file)));
        assertEquals(List.of(), offending);
    }

    @Test
    void trackingImportsOnlyJava() throws IOException {
        List<String> offending = check(Path.of("src/main/java/io/crosscast/tracking/token"), (file, imported) ->
                imported.startsWith("java.") || imported.startsWith("javax.crypto."));
        assertEquals(List.of(), offending);
    }

    private interface Allowed {
        boolean test(String file, String imported);
    }

    private static List<String> check(Path directory, Allowed allowed) throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(directory)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String file = source.getFileName().toString();
                Matcher m = IMPORT.matcher(Files.readString(source));
                while (m.find()) {
                    if (!allowed.test(file, m.group(2))) {
                        offending.add(file + ": " + m.group(2));
                    }
                }
            }
        }
        assertTrue(files >= 3, "no sources found in " + directory);
        return offending;
    }
}
