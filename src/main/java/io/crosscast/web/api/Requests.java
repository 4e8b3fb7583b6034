package io.crosscast.web.api;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.ConditionValidator;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.list.MembershipChange;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the parts of request bodies that JSON-B cannot check: the condition, the sort field, the mode of a
 * membership change, a list of ids. Everything here is refused with a 400 that names the field.
 */
public final class Requests {

    /** The condition that matches every recipient: an empty AND group. */
    public static final Condition EVERYONE = Group.and();

    /** The sort field when none is given. */
    public static final String DEFAULT_SORT = "lastName";

    /** At most this many ids in one request. */
    public static final int MAX_IDS = 1000;

    private Requests() {}

    /** {@code body}, or a 400 {@code request.bodyRequired} if the request had none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new ApiException(ApiError.of(
                    400,
                    "request.bodyRequired",
                    "This request needs a JSON body (with the header Content-Type: application/json)."));
        }
        return body;
    }

    /**
     * The condition of a body, validated; everyone if there is none.
     *
     * @throws InvalidConditionException (400 with the problems) if it cannot be used
     */
    public static Condition conditionOrEveryone(JsonObject json) {
        return json == null ? EVERYONE : condition(json);
    }

    /**
     * The condition of a body, validated; a 400 if there is none, because the request would otherwise act
     * on every recipient.
     */
    public static Condition requiredCondition(JsonObject json) {
        if (json == null) {
            throw ApiException.badRequest(
                    "condition",
                    "condition.required",
                    "A condition is required" + " (for every recipient, send {\"logic\":\"and\",\"children\":[]}).");
        }
        return condition(json);
    }

    private static Condition condition(JsonObject json) {
        Condition condition = ConditionJson.fromJsonObject(json);
        ConditionValidator.requireValid(condition);
        return condition;
    }

    /**
     * The field to sort by: {@code id} or a recipient field of a condition (except {@code list});
     * {@value #DEFAULT_SORT} if none is given.
     */
    public static String sortField(String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT_SORT;
        }
        String name = sort.strip();
        if (sortFields().contains(name)) {
            return name;
        }
        throw ApiException.badRequest(
                "sort",
                "request.sortInvalid",
                "Cannot sort by '" + name + "' (use one of: " + String.join(", ", sortFields()) + ").");
    }

    /** The fields recipients can be sorted by. */
    public static List<String> sortFields() {
        return Stream.concat(
                        Stream.of("id"),
                        Arrays.stream(RecipientField.values())
                                .filter(RecipientField::isRecipientColumn)
                                .map(RecipientField::publicName))
                .toList();
    }

    /** The mode of a membership change: {@code add} (the default), {@code replace} or {@code remove}. */
    public static MembershipChange membershipChange(String mode) {
        String modes = Arrays.stream(MembershipChange.values())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return constant(
                MembershipChange.class,
                mode,
                MembershipChange.ADD,
                m -> ApiException.badRequest(
                        "mode", "request.modeInvalid", "'" + m.strip() + "' is not a mode (use " + modes + ")."));
    }

    /**
     * The constant of {@code type} that a request's text names, in any case, spaces around ignored;
     * {@code whenBlank} when there is no text.
     *
     * @param refusal the 400 for a text that names no constant, made from the text as it came
     */
    static <E extends Enum<E>> E constant(
            Class<E> type, String text, E whenBlank, Function<String, ApiException> refusal) {
        if (text == null || text.isBlank()) {
            return whenBlank;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refusal.apply(text);
        }
    }

    /** Ids from a body: required, no null, at most {@value #MAX_IDS}; duplicates dropped, order kept. */
    public static List<Long> ids(String field, List<Long> ids) {
        if (ids == null) {
            throw ApiException.badRequest(field, "request.idsRequired", "'" + field + "' is required (a list of ids).");
        }
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw ApiException.badRequest(field, "request.idsInvalid", "'" + field + "' must not contain null.");
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.size() > MAX_IDS) {
            throw ApiException.badRequest(
                    field,
                    "request.tooManyIds",
                    "At most " + MAX_IDS + " ids in one request; got " + distinct.size() + ".");
        }
        return distinct;
    }
}
