package io.crosscast.delivery.internal;

import io.crosscast.content.RecipientValues;
import java.time.LocalDate;

/**
 * A PENDING ledger row with what personalisation needs of its recipient. {@code deleted}: the recipient
 * no longer exists (the row fails).
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
        LocalDate birthDate) {

    /** What personalisation may say about this recipient. */
    public RecipientValues values() {
        return new RecipientValues(
                recipientId, firstName, lastName, email, mobilePhone, status, country, language, birthDate);
    }
}
