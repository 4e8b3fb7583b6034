package io.crosscast.workflow.internal;

import io.crosscast.engine.Text;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A simulation's CSV script read: header {@code email,delivery,action,link} (any order, any case), one line per
 * open or click. Every bad line is reported with its number (the header is line 1); the script is refused
 * when any is bad, so a simulation never runs on half a script.
 */
public final class SimulationScript {

    /** One scripted action: an email (lower-cased), a delivery (id or label), OPEN or CLICK, a link or null. */
    public record Line(int number, String emailKey, String delivery, String action, String link) {}

    /** The good lines and the problems of the bad ones (a script with problems is refused). */
    public record Result(List<Line> lines, List<Text> problems) {}

    /**
     * At most this many scripted actions: a script is a rehearsal's sample of behaviour (rates cover whole
     * populations), and each line is stored and inserted on its own.
     */
    public static final int MAX_LINES = 100_000;

    private SimulationScript() {}

    public static Result parse(String csv) {
        List<Line> lines = new ArrayList<>();
        List<Text> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            for (String column : List.of("email", "delivery", "action")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    problems.add(Text.of("simulation.script.noColumn", column));
                }
            }
            if (!problems.isEmpty()) {
                return new Result(List.of(), problems);
            }
            boolean hasLink = parser.getHeaderMap().containsKey("link");
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_LINES) {
                    problems.add(Text.of("simulation.script.tooLong", MAX_LINES));
                    return new Result(List.of(), problems);
                }
                int number = (int) record.getRecordNumber() + 1;
                String email = value(record, "email");
                String delivery = value(record, "delivery");
                String action = value(record, "action").toUpperCase(Locale.ROOT);
                String link = hasLink ? value(record, "link") : "";
                if (email.isEmpty() || !email.contains("@") || email.length() > 254) {
                    problems.add(Text.of("simulation.script.badEmail", number, email));
                } else if (delivery.isEmpty() || delivery.length() > 200) {
                    problems.add(Text.of("simulation.script.noDelivery", number));
                } else if (!action.equals("OPEN") && !action.equals("CLICK")) {
                    problems.add(Text.of("simulation.script.badAction", number, value(record, "action")));
                } else if (action.equals("CLICK") && link.isEmpty()) {
                    problems.add(Text.of("simulation.script.noLink", number));
                } else if (link.length() > 2000) {
                    problems.add(Text.of("simulation.script.badLink", number, link.substring(0, 40) + "…"));
                } else {
                    lines.add(new Line(
                            number,
                            email.toLowerCase(Locale.ROOT),
                            delivery,
                            action,
                            action.equals("CLICK") ? link : null));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(Text.of("simulation.script.unreadable", String.valueOf(e.getMessage())));
        }
        return new Result(lines, problems);
    }

    private static String value(CSVRecord record, String column) {
        String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
        return value == null ? "" : value.strip();
    }
}
