package io.crosscast.web.audience;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.Logic;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.web.condition.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The recipients grid, paged, sorted and filtered by the database: the column filters become condition
 * rules (contains / equals), combined with the page's advanced condition.
 */
public class RecipientLazyModel extends LazyDataModel<Recipient> {

    private static final long serialVersionUID = 1L;

    /** Column filters that match exactly rather than by "contains". */
    private static final List<String> EXACT = List.of("status", "country");

    // Both move with the session to another node of a cluster: the service is an EJB reference (serialisable), the
    // advanced condition a serialisable lambda of the page.
    private final RecipientService service;
    private final AdvancedCondition advanced;
    private Map<String, FilterMeta> lastFilters = Map.of();

    /** The page's advanced condition, read at each load; Serializable so that the model moves with its view. */
    public interface AdvancedCondition extends Supplier<Condition>, java.io.Serializable {}

    public RecipientLazyModel(RecipientService service, AdvancedCondition advanced) {
        this.service = service;
        this.advanced = advanced;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        lastFilters = Map.copyOf(filterBy);
        try {
            return (int) Math.min(Integer.MAX_VALUE, service.count(condition(filterBy)));
        } catch (InvalidConditionException e) {
            ConditionBuilder.show(e);
            return 0;
        }
    }

    @Override
    public List<Recipient> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? "id" : sort.getField();
        boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
        try {
            return service.page(condition(filterBy), field, ascending, first, pageSize);
        } catch (InvalidConditionException e) {
            return List.of();
        }
    }

    /** The condition of what the grid shows now (its last count). */
    public Condition currentCondition() {
        return condition(lastFilters);
    }

    /** The condition the grid shows: the advanced condition AND every column filter. */
    public Condition condition(Map<String, FilterMeta> filterBy) {
        List<Condition> parts = new ArrayList<>();
        Condition base = advanced.get();
        if (base != null) {
            parts.add(base);
        }
        for (FilterMeta filter : filterBy.values()) {
            Object value = filter.getFilterValue();
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            Operator operator = EXACT.contains(filter.getField()) ? Operator.EQUALS : Operator.CONTAINS;
            parts.add(new Rule(
                    filter.getField(), operator, List.of(value.toString().trim())));
        }
        return new Group(Logic.AND, parts);
    }

    @Override
    public String getRowKey(Recipient recipient) {
        return String.valueOf(recipient.getId());
    }

    @Override
    public Recipient getRowData(String rowKey) {
        try {
            return service.find(Long.parseLong(rowKey)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
