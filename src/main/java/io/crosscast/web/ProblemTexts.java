package io.crosscast.web;

import io.crosscast.delivery.DeliveryProblem;
import io.crosscast.delivery.content.ContentProblem;
import java.util.ResourceBundle;

/**
 * The problems that services report with a code and arguments, worded in a bundle's language. Each falls
 * back to the problem's English message when the bundle has no wording for it. Plain Java over a
 * {@link ResourceBundle}, so tests can word problems in any language; pages use {@link Messages#bundle()}.
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    /** A delivery problem: content, proof addresses, a status that refuses the request... */
    public static String delivery(DeliveryProblem problem, ResourceBundle bundle) {
        if (problem.content() != null) {
            return content(problem.content(), bundle);
        }
        return Messages.textOr(bundle, problem.code().key(), problem.message(), problem.arguments().toArray());
    }

    /** A personalisation problem, with its part and line: {@code Objet, ligne 2 : variable inconnue...}. */
    public static String content(ContentProblem problem, ResourceBundle bundle) {
        String what = Messages.textOr(bundle, problem.reason().key(), null, problem.arguments().toArray());
        if (what == null) {
            return problem.message();
        }
        String part = Messages.textOr(bundle, "content.part." + problem.part().name(), problem.part().label());
        return problem.line() > 0
                ? Messages.textOr(bundle, "content.problem.atLine", problem.message(), part,
                        String.valueOf(problem.line()), what)
                : Messages.textOr(bundle, "content.problem.inPart", problem.message(), part, what);
    }
}
