package io.crosscast.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.ProblemCode;
import io.crosscast.engine.Text;
import io.crosscast.engine.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** A workflow's problems are texts: a condition's in the same English as the audience's, every one in French. */
class WorkflowProblemsTest {

    private static final List<String> ARGS = List.of("a0", "a1", "a2", "a3", "a4");

    @Test
    void everyConditionProblemHasTheAudiencesEnglishAndAFrenchText() {
        ResourceBundle french = ResourceBundle.getBundle(Text.BUNDLE, Locale.FRENCH);
        List<String> wrong = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            ConditionProblem problem = new ConditionProblem(code, ARGS, List.of());
            Text text = WorkflowProblems.of(problem);
            if (!text.english().equals(problem.message())) {
                wrong.add(code + ": '" + text.english() + "' is not '" + problem.message() + "'");
            }
            if (!french.containsKey(text.key()) || text.in(Locale.FRENCH).equals(text.english())) {
                wrong.add(code + ": no French");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aConditionThatNeedsADeliveryFailsInBothLanguages() {
        Text text = WorkflowProblems.of(new InvalidConditionException(List.of(
                new ConditionProblem(ProblemCode.NO_INCOMING_DELIVERY, List.of("delivery not_clicked"), List.of()))));
        assertEquals(
                "'delivery not_clicked' needs a delivery: choose one, or place the filter after an email delivery",
                text.english());
        assertEquals(
                "« delivery not_clicked » a besoin d'une diffusion : choisissez-en une, ou placez le filtre après"
                        + " une diffusion email",
                text.in(Locale.FRENCH));
    }

    @Test
    void severalProblemsOfAConditionAreJoined() {
        InvalidConditionException e = new InvalidConditionException(List.of(
                new ConditionProblem(ProblemCode.UNKNOWN_FIELD, List.of("salary"), List.of()),
                new ConditionProblem(ProblemCode.TOO_DEEP, List.of("5"), List.of())));
        Text text = WorkflowProblems.of(e);
        assertEquals(e.getMessage(), text.english());
        assertEquals(
                "Champ inconnu : « salary » ; La condition imbrique trop de groupes (au plus 5 niveaux)",
                text.in(Locale.FRENCH));
    }

    @Test
    void anActivitysProblemNamesItAndAPageNamesItByItsLabel() {
        Text problem = WorkflowProblems.of(new ValidationProblem(
                "mystery", ValidationProblem.UNKNOWN_TYPE, Text.of("validator.unknownType", "teleport")));
        assertEquals("mystery: Unknown activity type 'teleport'", problem.english());
        assertEquals(
                "Mystère : Type d'activité inconnu : « teleport »",
                WorkflowProblems.relabel(problem, id -> "Mystère").in(Locale.FRENCH));

        Text setting =
                WorkflowProblems.ofSetting("split1", "subset.2.condition", Text.of("condition.UNKNOWN_FIELD", "x"));
        assertEquals("split1 (subset.2.condition): Unknown field 'x'", setting.english());
        assertEquals(
                "Gold (subset.2.condition): Unknown field 'x'",
                WorkflowProblems.relabel(setting, id -> "Gold").in(Locale.ENGLISH));

        Text alone = WorkflowProblems.ofSetting(null, "condition", Text.of("condition.UNKNOWN_FIELD", "x"));
        assertEquals("(condition): Unknown field 'x'", alone.english());
        assertEquals(alone, WorkflowProblems.relabel(alone, id -> "never"));

        Text workflowWide = WorkflowProblems.of(
                new ValidationProblem(null, ValidationProblem.NO_START, Text.of("validator.noStart")));
        assertEquals(Text.of("validator.noStart"), workflowWide);
        assertEquals(workflowWide, WorkflowProblems.relabel(workflowWide, id -> "never"));
    }

    @Test
    void aRefusalSaysItsProblemsInEnglishAndKeepsTheirTexts() {
        WorkflowException invalid = WorkflowException.invalidTexts(List.of(
                Text.of("validator.noStart"),
                Text.of("workflow.problem.activity", "q", Text.of("config.required", "condition"))));
        assertEquals(List.of("The workflow has no Start activity", "q: 'condition' is required"), invalid.problems());
        assertEquals("The workflow has no Start activity q: 'condition' is required", invalid.getMessage());
        assertEquals(
                "Le paramètre « condition » est obligatoire",
                ((Text) invalid.texts().get(1).args().get(1)).in(Locale.FRENCH));

        WorkflowException busy = WorkflowException.conflict(Text.of("workflow.busy", 7));
        assertEquals(WorkflowException.Kind.CONFLICT, busy.kind());
        assertEquals("Run 7 is busy with an activity; try again in a moment.", busy.getMessage());
        assertTrue(busy.texts().get(0).in(Locale.FRENCH).startsWith("L'exécution 7 est occupée"));

        WorkflowException english = WorkflowException.notFound("Run 9 does not exist.");
        assertEquals(List.of("Run 9 does not exist."), english.problems());
        assertTrue(english.texts().get(0).isVerbatim());
    }
}
