package io.crosscast.audience;

import io.crosscast.audience.importing.ImportRow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line of an import file whose email address an earlier line of the file already gave: both were read,
 * the later one's values were kept.
 *
 * @param lineNumber  the repeated line (physical line of the file, the header being line 1)
 * @param repeatsLine the earlier line with the same address (the first one, when there are several)
 */
public record RepeatedLine(long lineNumber, long repeatsLine) implements Serializable {

    /** The lines of {@code rows} whose address (its key) an earlier row gave, in order, each with the first. */
    public static List<RepeatedLine> in(List<ImportRow> rows) {
        Map<String, Long> firstLines = new HashMap<>();
        List<RepeatedLine> repeats = new ArrayList<>();
        for (ImportRow row : rows) {
            Long first = firstLines.putIfAbsent(row.emailKey(), row.lineNumber());
            if (first != null) {
                repeats.add(new RepeatedLine(row.lineNumber(), first));
            }
        }
        return repeats;
    }
}
