package io.crosscast.engine;

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
 * The engine core stays plain Java: it imports only java.* and its own packages, plus Quartz's
 * {@code CronExpression} (a plain class, no scheduler) for the Scheduler activity's cron schedules.
 */
class EngineIsPlainJavaTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void theEngineImportsNothingButJavaAndItself() throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/crosscast/engine"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = IMPORT.matcher(Files.readString(source));
                while (m.find()) {
                    String imported = m.group(2);
                    if (!imported.startsWith("java.") && !imported.startsWith("io.crosscast.engine.")
                            && !imported.equals("org.quartz.CronExpression")) {
                        offending.add(source.getFileName() + ": " + imported);
                    }
                }
            }
        }
        assertTrue(files > 10, "the engine sources were not found");
        assertEquals(List.of(), offending);
    }
}
