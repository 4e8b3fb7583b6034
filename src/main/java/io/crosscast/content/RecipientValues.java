package io.crosscast.content;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What a template may say about one recipient. Any value may be null: it renders as nothing.
 *
 * @param recipientId the recipient (tracking URLs name it); 0 for a proof sent to someone who is not one
 * @param status      the membership tier's name ({@code GOLD}...)
 * @param birthDate   rendered {@code yyyy-MM-dd}
 * @param enrichment  the values Enrichment activities of the delivery's workflow run added to the recipient, by name
 *                    ({@code clicks} for {@code {{enrichment.clicks}}}), as text; empty outside a run. A name it does
 *                    not hold renders as nothing.
 */
public record RecipientValues(
        long recipientId,
        String firstName,
        String lastName,
        String email,
        String mobilePhone,
        String status,
        String country,
        String language,
        LocalDate birthDate,
        Map<String, String> enrichment) {

    public RecipientValues {
        enrichment = enrichment == null ? Map.of() : Map.copyOf(enrichment);
    }

    /** Without enrichment values (outside a workflow run, proofs, previews). */
    public RecipientValues(
            long recipientId,
            String firstName,
            String lastName,
            String email,
            String mobilePhone,
            String status,
            String country,
            String language,
            LocalDate birthDate) {
        this(recipientId, firstName, lastName, email, mobilePhone, status, country, language, birthDate, Map.of());
    }

    /** The same recipient with these enrichment values instead. */
    public RecipientValues withEnrichment(Map<String, String> values) {
        return new RecipientValues(
                recipientId, firstName, lastName, email, mobilePhone, status, country, language, birthDate, values);
    }

    /**
     * The values by variable name ({@link Personalization#RECIPIENT_VARIABLES}, then {@code enrichment.<name>}),
     * {@code ""} for a missing one,
     * in a new map the caller may add to.
     */
    public Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>(16);
        putInto(variables);
        return variables;
    }

    /** Puts the values into a scope map that also holds other variables. */
    void putInto(Map<String, ? super String> variables) {
        put(variables, "firstName", firstName);
        put(variables, "lastName", lastName);
        put(variables, "email", email);
        put(variables, "mobilePhone", mobilePhone);
        put(variables, "status", status);
        put(variables, "country", country);
        put(variables, "language", language);
        put(variables, "birthDate", birthDate == null ? null : birthDate.toString());
        enrichment.forEach((name, value) -> put(variables, Personalization.ENRICHMENT_PREFIX + name, value));
    }

    private static void put(Map<String, ? super String> variables, String name, String value) {
        variables.put(name, value == null ? "" : value);
    }
}
