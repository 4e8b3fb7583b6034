package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.activities.BuiltInActivities;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkflowValidatorTest {

    private final ActivityRegistry registry = BuiltInActivities.registry();

    private List<ValidationProblem> validate(Flow flow) {
        return WorkflowValidator.validate(flow.build(), registry);
    }

    private static Set<String> codes(List<ValidationProblem> problems) {
        return problems.stream().map(ValidationProblem::code).collect(Collectors.toSet());
    }

    private static boolean has(List<ValidationProblem> problems, String activityId, String code) {
        return problems.stream()
                .anyMatch(p -> p.code().equals(code) && java.util.Objects.equals(p.activityId(), activityId));
    }

    @Test
    void validWorkflowHasNoProblem() {
        var problems = validate(new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("w", "wait", "days=3")
                .a("split", "split", "subset.1.condition=clicked=true", "complement=true")
                .a("end1", "end")
                .a("end2", "end")
                .t("start", "q")
                .t("q", "w")
                .t("w", "split")
                .t("split", "subset1", "end1")
                .t("split", "complement", "end2"));
        assertEquals(List.of(), problems);
    }

    @Test
    void unknownTypeAndDuplicateIds() {
        var problems = validate(new Flow()
                .a("start", "start")
                .a("x", "teleport")
                .a("e", "end")
                .a("e", "end")
                .t("start", "x")
                .t("x", "e")
                .t("start", "e")
                .t("start", "e"));
        assertTrue(has(problems, "x", ValidationProblem.UNKNOWN_TYPE), problems::toString);
        assertTrue(has(problems, "e", ValidationProblem.DUPLICATE_ID), problems::toString);
        assertTrue(has(problems, null, ValidationProblem.DUPLICATE_ID), "duplicate transition id: " + problems);
    }

    @Test
    void anActivityIdIsLettersDigitsAndFewSigns() {
        for (String id : List.of("q');alert(1);//", "a b", "<b>x</b>", "x\"y", "")) {
            var problems = validate(new Flow().a("start", "start").a(id, "end").t("start", id));
            assertTrue(has(problems, id, ValidationProblem.INVALID_ID), id + ": " + problems);
        }
        var problems =
                validate(new Flow().a("start", "start").a("end_2.b-c", "end").t("start", "end_2.b-c"));
        assertEquals(List.of(), problems);
    }

    @Test
    void invalidConfigComesFromTheType() {
        var problems = validate(new Flow()
                .a("start", "start")
                .a("q", "query")
                .a("w", "wait", "days=soon")
                .a("d", "deduplication", "key=fax")
                .a("s", "split", "subset.1.limit=lots")
                .a("e", "end")
                .t("start", "q")
                .t("q", "w")
                .t("w", "d")
                .t("d", "s")
                .t("s", "subset1", "e"));
        assertTrue(has(problems, "q", ValidationProblem.INVALID_CONFIG), problems::toString);
        assertTrue(has(problems, "w", ValidationProblem.INVALID_CONFIG), problems::toString);
        assertTrue(has(problems, "d", ValidationProblem.INVALID_CONFIG), problems::toString);
        assertTrue(has(problems, "s", ValidationProblem.INVALID_CONFIG), problems::toString);
        assertEquals(Set.of(ValidationProblem.INVALID_CONFIG), codes(problems), problems::toString);
    }

    @Test
    void danglingTransitions() {
        var problems = validate(new Flow()
                .a("start", "start")
                .a("t", "test")
                .a("e", "end")
                .t("start", "t")
                .t("t", "maybe", "e")
                .t("t", "true", "ghost")
                .t("phantom", "e"));
        assertTrue(has(problems, "t", ValidationProblem.UNKNOWN_OUTPUT), problems::toString);
        assertEquals(
                2,
                problems.stream()
                        .filter(p -> p.code().equals(ValidationProblem.UNKNOWN_ACTIVITY))
                        .count(),
                problems::toString);
    }

    @Test
    void missingAndTooManyInputs() {
        var problems = validate(new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("q2", "query", "condition=all")
                .a("x", "exclusion", "main=q>x")
                .a("w", "wait", "days=1")
                .a("e", "end")
                .t("start", "q")
                .t("start", "q2")
                .t("q", "x")
                .t("q", "w")
                .t("q2", "w")
                .t("w", "e")
                .t("x", "e"));
        assertTrue(has(problems, "x", ValidationProblem.MISSING_INPUT), problems::toString);
        assertTrue(has(problems, "w", ValidationProblem.TOO_MANY_INPUTS), problems::toString);
    }

    @Test
    void noStartAndUnreachable() {
        var noStart = validate(
                new Flow().a("q", "query", "condition=all").a("e", "end").t("q", "e"));
        assertTrue(has(noStart, null, ValidationProblem.NO_START), noStart::toString);

        var unreachable = validate(new Flow()
                .a("start", "start")
                .a("e", "end")
                .a("w", "wait", "days=1")
                .a("e2", "end")
                .t("start", "e")
                .t("w", "e2"));
        assertTrue(has(unreachable, "w", ValidationProblem.UNREACHABLE), unreachable::toString);
        assertTrue(has(unreachable, "e2", ValidationProblem.UNREACHABLE), unreachable::toString);
        assertTrue(has(unreachable, "w", ValidationProblem.MISSING_INPUT), unreachable::toString);
    }

    @Test
    void cycleWithoutWaitPointIsAProblemButThroughAWaitItIsNot() {
        var bad = validate(new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("t", "test")
                .a("d", "deduplication", "key=email")
                .a("u", "union")
                .a("e", "end")
                .t("start", "q")
                .t("q", "u")
                .t("u", "t")
                .t("t", "true", "e")
                .t("t", "false", "d")
                .t("d", "u"));
        assertEquals(
                1,
                bad.stream()
                        .filter(p -> p.code().equals(ValidationProblem.CYCLE))
                        .count(),
                bad::toString);

        var ok = validate(new Flow()
                .a("start", "start")
                .a("q", "query", "condition=all")
                .a("t", "test")
                .a("w", "wait", "hours=1")
                .a("e", "end")
                .t("start", "q")
                .t("q", "t")
                .t("t", "true", "e")
                .t("t", "false", "w")
                .t("w", "q"));
        assertEquals(List.of(), ok);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var problems = validate(
                new Flow().a("x", "teleport").a("q", "query").a("q", "end").t("q", "nowhere"));
        assertTrue(
                codes(problems)
                        .containsAll(Set.of(
                                ValidationProblem.UNKNOWN_TYPE,
                                ValidationProblem.INVALID_CONFIG,
                                ValidationProblem.DUPLICATE_ID,
                                ValidationProblem.UNKNOWN_ACTIVITY,
                                ValidationProblem.NO_START)),
                problems::toString);
    }
}
