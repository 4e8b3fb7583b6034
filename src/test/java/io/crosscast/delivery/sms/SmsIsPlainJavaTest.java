package io.crosscast.delivery.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The text side of SMS deliveries stays plain Java: the JDK and the delivery content package, no container
 * API and no SMPP library, so the SMPP client and the sandbox's SMSC can both use it.
 */
class SmsIsPlainJavaTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void smsImportsOnlyJavaAndDeliveryContent() throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/crosscast/delivery/sms"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String text = Files.readString(source);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imported = m.group(2);
                    if (!imported.startsWith("java.") && !imported.startsWith("io.crosscast.delivery.sms.")
                            && !imported.startsWith("io.crosscast.delivery.content.")) {
                        offending.add(source.getFileName() + ": " + imported);
                    }
                }
                if (text.contains("jakarta.") || text.contains("org.jsmpp")) {
                    offending.add(source.getFileName() + ": names jakarta.* or org.jsmpp");
                }
            }
        }
        assertTrue(files >= 5, "no sources found");
        assertEquals(List.of(), offending);
    }
}
