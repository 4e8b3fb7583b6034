package io.crosscast.web;

import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.audience.importing.ImportField;
import io.crosscast.audience.importing.LineProblem;
import io.crosscast.content.ContentProblem;
import io.crosscast.delivery.DeliveryProblem;
import io.crosscast.delivery.LedgerReason;
import io.crosscast.platform.EnglishTemplate;
import java.text.MessageFormat;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The problems that services report with a code and arguments, worded in a bundle's language. Each falls
 * back to the problem's English message when the bundle has no wording for it. Plain Java over a
 * {@link ResourceBundle}, so tests can word problems in any language; pages use {@link Messages#bundle()}.
 */
public final class ProblemTexts {

    private ProblemTexts() {}

    /** A delivery problem: content, proof addresses, a status that refuses the request... */
    public static String delivery(DeliveryProblem problem, ResourceBundle bundle) {
        if (problem.content() != null) {
            return content(problem.content(), bundle);
        }
        return Messages.textOr(
                bundle,
                problem.code().key(),
                problem.message(),
                problem.arguments().toArray());
    }

    /** A personalisation problem, with its part and line: {@code Objet, ligne 2 : variable inconnue...}. */
    public static String content(ContentProblem problem, ResourceBundle bundle) {
        String what = Messages.textOr(
                bundle, problem.reason().key(), null, problem.arguments().toArray());
        if (what == null) {
            return problem.message();
        }
        String part =
                Messages.textOr(bundle, problem.part().key(), problem.part().label());
        return problem.line() > 0
                ? Messages.textOr(
                        bundle, ContentProblem.AT_LINE, problem.message(), part, String.valueOf(problem.line()), what)
                : Messages.textOr(bundle, ContentProblem.IN_PART, problem.message(), part, what);
    }

    /**
     * A problem of an imported line (or why the reading stopped); a value's field is named in the bundle's
     * words.
     */
    public static String line(LineProblem problem, ResourceBundle bundle) {
        Object[] arguments = problem.arguments().toArray();
        ImportField field = problem.field();
        int fieldArgument = problem.value() == null ? -1 : problem.value().fieldArgument();
        if (field != null && fieldArgument >= 0 && fieldArgument < arguments.length) {
            arguments[fieldArgument] = Messages.textOr(bundle, "importField." + field.name(), field.label());
        }
        if (problem.hasCutArguments()) {
            // A value cut in the quote: its full length follows it, in the bundle's words and numbers.
            try {
                String pattern = problem.withLengths(
                        bundle.getString(problem.key()),
                        length -> EnglishTemplate.literal(Messages.textOr(
                                bundle, LineProblem.CUT_VALUE, " (" + length + " characters)", length)));
                return new MessageFormat(pattern, bundle.getLocale()).format(arguments);
            } catch (MissingResourceException e) {
                return problem.message();
            }
        }
        return Messages.textOr(bundle, problem.key(), problem.message(), arguments);
    }

    /** Why a line was rejected: its problems, one after the other ({@code reason} when none are known). */
    public static String reason(List<LineProblem> problems, String reason, ResourceBundle bundle) {
        if (problems.isEmpty()) {
            return reason;
        }
        String separator = Messages.textOr(bundle, "import.problem.separator", "; ");
        return String.join(
                separator, problems.stream().map(p -> line(p, bundle)).toList());
    }

    /** Why a reading stopped ({@code reason} when its problems are not known). */
    public static String abortReason(List<LineProblem> problems, String reason, ResourceBundle bundle) {
        if (problems.isEmpty()) {
            return reason;
        }
        return String.join(" ", problems.stream().map(p -> line(p, bundle)).toList());
    }

    /** A contact value that cannot be stored (email address, phone number...). */
    public static String contact(InvalidContactException e, ResourceBundle bundle) {
        return Messages.textOr(
                bundle, e.problem().key(), e.getMessage(), e.arguments().toArray());
    }

    /** A problem of a condition (key {@code problem.} + its code). */
    public static String condition(ConditionProblem problem, ResourceBundle bundle) {
        return Messages.textOr(
                bundle,
                "problem." + problem.code().name(),
                problem.message(),
                problem.arguments().toArray());
    }

    /**
     * A reason stored in a ledger row or a quarantine by the sending ({@link LedgerReason}, also inside
     * another one), in the bundle's words; any other text (a server's answer, an exclusion code) as it is.
     */
    public static String ledger(String stored, ResourceBundle bundle) {
        return LedgerReason.read(stored)
                .map(read -> Messages.textOr(
                        bundle,
                        read.reason().key(),
                        stored,
                        read.arguments().stream()
                                .map(argument -> ledger(argument, bundle))
                                .toArray()))
                .orElse(stored);
    }
}
