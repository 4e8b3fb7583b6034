package io.crosscast.campaign;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request about campaigns that cannot be done: invalid properties, unknown campaign, a change its status
 * forbids. The message is for the user (English); {@link #problems()} names every problem for translations.
 * Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class CampaignException extends RuntimeException {

    /** What went wrong, for status codes and translations. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT
    }

    private final Kind kind;
    private final List<CampaignProblem> problems;

    public CampaignException(Kind kind, List<CampaignProblem> problems) {
        super(problems.stream().map(CampaignProblem::english).collect(Collectors.joining(" ")));
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static CampaignException invalid(List<CampaignProblem> problems) {
        return new CampaignException(Kind.INVALID, problems);
    }

    public static CampaignException notFound(CampaignProblem problem) {
        return new CampaignException(Kind.NOT_FOUND, List.of(problem));
    }

    public static CampaignException conflict(CampaignProblem problem) {
        return new CampaignException(Kind.CONFLICT, List.of(problem));
    }

    public Kind kind() {
        return kind;
    }

    public List<CampaignProblem> problems() {
        return problems;
    }
}
