package io.crosscast.web.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The answer of {@code POST /api/workflows/validate}: {@code {"valid": false, "problems": [{"message": ...}]}}
 * ({@code problems} empty when the document is valid).
 */
@JsonbPropertyOrder({"valid", "problems"})
public record ValidationDto(boolean valid, List<ProblemDto> problems) {

    /** One problem of a workflow document, in the marketer's words. */
    public record ProblemDto(String message) {}

    /** The answer for these problems (empty: valid). */
    public static ValidationDto of(List<String> problems) {
        List<ProblemDto> list = problems == null
                ? List.of()
                : problems.stream().map(ProblemDto::new).toList();
        return new ValidationDto(list.isEmpty(), list);
    }
}
