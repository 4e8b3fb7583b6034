package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.activities.BuiltInActivities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the code uses is in both bundles: the keys written in the sources ({@code Text.of("...")}), and the
 * keys of the texts that bad settings, bad workflows and runs really produce.
 */
class TextKeysTest {

    private static final Pattern TEXT_OF = Pattern.compile("Text\\.of\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+\\.?)\"");
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final ActivityRegistry registry = BuiltInActivities.registry();

    @Test
    void everyKeyWrittenInTheSourcesExists() throws IOException {
        Set<String> known = TextBundlesTest.english().stringPropertyNames();
        Set<String> french = TextBundlesTest.french().stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher call = TEXT_OF.matcher(code);
                while (call.find()) {
                    Matcher literal = LITERAL.matcher(arguments(code, call.end()));
                    while (literal.find()) {
                        found++;
                        String key = literal.group(1);
                        // "delivery.status." + status: some keys start so (each value is checked where it is known)
                        boolean exists = key.endsWith(".")
                                ? known.stream().anyMatch(k -> k.startsWith(key))
                                        && french.stream().anyMatch(k -> k.startsWith(key))
                                : known.contains(key) && french.contains(key);
                        if (!exists) {
                            missing.add(source.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        assertTrue(found > 60, "the sources' keys were not found: " + found);
        assertEquals(Set.of(), missing);
    }

    /** The text of the call's arguments: up to its closing parenthesis, strings skipped. */
    private static String arguments(String code, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    @Test
    void badSettingsAndBadWorkflowsAreWordedByTheBundle() throws IOException {
        List<Text> texts = new ArrayList<>();
        List<ActivityDefinition> bad = List.of(
                activity("query"),
                activity("deduplication"),
                activity("deduplication", "key=fax"),
                activity("exclusion"),
                activity("fork", "branches=50"),
                activity("fork", "branches=many"),
                activity("test", "min=1", "expression=count>0"),
                activity("test", "expression=size>2"),
                activity("wait"),
                activity("wait", "days=2", "until=2026-03-01T09:00:00Z"),
                activity("wait", "until=tomorrow"),
                activity("scheduler"),
                activity("scheduler", "at=soon"),
                activity("scheduler", "daily=25:00"),
                activity("scheduler", "daily=09:00", "zone=Mars/Olympus"),
                activity("scheduler", "weekly=MON"),
                activity("scheduler", "weekly=FUNDAY 09:00"),
                activity("scheduler", "cron=every monday"),
                activity("split"),
                activity(
                        "split",
                        "subset.1.limit=-5",
                        "subset.2.limit=200%",
                        "subset.3.limit=lots",
                        "subset.5.label=gap",
                        "overlap=maybe"));
        for (ActivityDefinition a : bad) {
            List<Text> problems = registry.get(a.type()).validate(a);
            assertTrue(!problems.isEmpty(), a + " has problems");
            texts.addAll(problems);
        }
        WorkflowValidator.validate(
                        new Flow()
                                .a("x", "teleport")
                                .a("q", "query", "condition=all")
                                .a("q", "end")
                                .a("w", "wait", "days=1")
                                .a("t", "test")
                                .a("u", "union")
                                .a("e", "end")
                                .t("q", "nowhere")
                                .t("ghost", "e")
                                .t("t", "maybe", "e")
                                .t("q", "w")
                                .t("q", "w")
                                .t("t", "true", "u")
                                .t("u", "t")
                                .build(),
                        registry)
                .forEach(p -> texts.add(p.text()));
        WorkflowValidator.validate(
                        new Flow()
                                .a("s", "start")
                                .a("w", "wait", "days=1")
                                .a("e", "end")
                                .a("lost", "end")
                                .t("s", "w")
                                .t("s", "w")
                                .t("w", "e")
                                .build(),
                        registry)
                .forEach(p -> texts.add(p.text()));

        Set<String> keys = assertKnown(texts);
        assertTrue(
                keys.containsAll(Set.of(
                        "config.required",
                        "config.outOfRange",
                        "config.notWholeNumber",
                        "config.notBoolean",
                        "deduplication.badKey",
                        "test.minAndExpression",
                        "test.badExpression",
                        "wait.nothing",
                        "wait.durationAndUntil",
                        "wait.badUntil",
                        "scheduler.oneSchedule",
                        "scheduler.badAt",
                        "scheduler.badDaily",
                        "scheduler.badZone",
                        "scheduler.badWeekly",
                        "scheduler.badDay",
                        "scheduler.badCron",
                        "split.noSubset",
                        "split.badLimit",
                        "split.limit.negative",
                        "split.limit.badPercent",
                        "split.limit.malformed",
                        "split.badKeys",
                        "validator.unknownType",
                        "validator.duplicateActivity",
                        "validator.duplicateTransition",
                        "validator.unknownSource",
                        "validator.unknownTarget",
                        "validator.unknownOutput",
                        "validator.missingInput",
                        "validator.tooManyInputs",
                        "validator.noStart",
                        "validator.unreachable",
                        "validator.cycle")),
                keys::toString);
    }

    @Test
    void runsWriteLinesAndFailuresWordedByTheBundle() throws IOException {
        FakePopulations pops = new FakePopulations();
        for (long id = 1; id <= 3; id++) {
            pops.recipient(id, "gold=" + (id <= 2));
        }
        List<Text> texts = new ArrayList<>();
        MutableClock clock = new MutableClock(T0);
        Execution execution = new Execution(registry, pops, clock, (activityId, line) -> texts.add(line));

        WorkflowDefinition flow = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=gold=true")
                .a("t", "test", "min=1")
                .a("w", "wait", "minutes=5")
                .a("s", "scheduler", "daily=18:00")
                .a("few", "test", "min=100")
                .a("e1", "end")
                .a("e2", "end")
                .a("e3", "end")
                .t("start", "q")
                .t("q", "t")
                .t("t", "true", "w")
                .t("t", "false", "e1")
                .t("w", "s")
                .t("s", "few")
                .t("few", "true", "e2")
                .t("few", "false", "e3")
                .build();
        assertEquals(List.of(), WorkflowValidator.validate(flow, registry));
        RunState state = execution.start(flow, "r1");
        clock.advance(Duration.ofMinutes(5));
        state = execution.run(flow, state);
        clock.advance(Duration.ofHours(8));
        state = execution.run(flow, state);
        assertEquals(RunStatus.FINISHED, state.status(), state::toString);

        WorkflowDefinition failing = new Flow()
                .a("start", "start")
                .a("q", "query", "condition=gold=true")
                .a("q2", "query", "condition=gold=false")
                .a("x", "exclusion", "main=nothing")
                .a("e", "end")
                .t("start", "q")
                .t("start", "q2")
                .t("q", "x")
                .t("q2", "x")
                .t("x", "e")
                .build();
        RunState failed = execution.start(failing, "r2");
        assertEquals(RunStatus.FAILED, failed.status());
        texts.add(failed.activity("x").failure());

        WorkflowDefinition over = new Flow()
                .a("start", "start")
                .a("s", "scheduler", "cron=0 0 0 1 1 ? 2001")
                .a("e", "end")
                .t("start", "s")
                .t("s", "e")
                .build();
        RunState cronOver = execution.start(over, "r3");
        assertEquals(RunStatus.FAILED, cronOver.status());
        assertEquals(
                "The cron expression '0 0 0 1 1 ? 2001' never fires again",
                cronOver.activity("s").message());
        texts.add(cronOver.activity("s").failure());

        Set<String> keys = assertKnown(texts);
        assertTrue(
                keys.containsAll(Set.of(
                        "query.log.count",
                        "test.log.true",
                        "test.log.false",
                        "wait.log.waiting",
                        "scheduler.log.scheduled",
                        "exclusion.mainNotInput",
                        "scheduler.cronOver",
                        "run.failed")),
                keys::toString);
        assertEquals("query: 2 recipient(s)", texts.get(0).english());
        assertEquals("requête : 2 destinataire(s)", texts.get(0).in(Locale.FRENCH));
        assertTrue(
                texts.stream().anyMatch(t -> t.english().equals("waiting until 2026-03-02T10:05:00Z")),
                texts::toString);
    }

    /** Every key of the texts (nested ones too) is in both bundles; the keys. */
    private static Set<String> assertKnown(List<Text> texts) throws IOException {
        Properties english = TextBundlesTest.english();
        Properties french = TextBundlesTest.french();
        Set<String> keys = new TreeSet<>();
        texts.forEach(t -> keys.addAll(t.keys()));
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!english.containsKey(key) || !french.containsKey(key)) {
                missing.add(key);
            }
        }
        assertEquals(Set.of(), missing);
        return keys;
    }

    private static ActivityDefinition activity(String type, String... config) {
        return new ActivityDefinition("a", type, Map.copyOf(Flow.config(config)));
    }
}
