package io.crosscast.web.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One page of a longer result: {@code {"total": 1234, "first": 0, "pageSize": 50, "items": [...]}}.
 * {@code pageSize} is the size used (after the cap), {@code items} may be shorter on the last page.
 */
@JsonbPropertyOrder({"total", "first", "pageSize", "items"})
public record PageDto<T>(long total, int first, int pageSize, List<T> items) {

    /** The page {@code paging} asked for, of a result of {@code total} items. */
    static <T> PageDto<T> of(Paging paging, long total, List<T> items) {
        return new PageDto<>(total, paging.first(), paging.pageSize(), items);
    }
}
