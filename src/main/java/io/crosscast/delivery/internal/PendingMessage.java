package io.crosscast.delivery.internal;

import io.crosscast.content.RecipientValues;
import java.time.LocalDate;
import java.util.Map;

/**
 * A PENDING ledger row with what personalisation needs of its recipient. {@code deleted}: the recipient
 * no longer exists (the row fails). {@code enrichment}: the values of the delivery's workflow run its templates use
 * ({@link EnrichmentJoin}), by name.
 */
public record PendingMessage(
        long recipientId,
        String address,
        int attempts,
        boolean deleted,
        String firstName,
        String lastName,
        String email,
        String mobilePhone,
        String status,
        String country,
        String language,
        LocalDate birthDate,
        Map<String, String> enrichment) {

    /** What personalisation may say about this recipient. */
    public RecipientValues values() {
        return new RecipientValues(
                recipientId, firstName, lastName, email, mobilePhone, status, country, language, birthDate, enrichment);
    }
}
