package io.crosscast.web.api;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientPage;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recipient as the API shows it. Dates are ISO-8601 text written here, not by JSON-B's defaults:
 * {@code birthDate} as {@code 1990-05-17}, {@code createdAt} and {@code updatedAt} as UTC instants
 * ({@code 2026-11-29T10:15:30.123456Z}); the quarantines are booleans (the dates and reasons stay
 * internal). Empty values are written as {@code null}, so every key is always present.
 */
@JsonbNillable
@JsonbPropertyOrder({
    "id",
    "firstName",
    "lastName",
    "email",
    "mobilePhone",
    "status",
    "country",
    "language",
    "birthDate",
    "emailOptOut",
    "smsOptOut",
    "emailQuarantined",
    "smsQuarantined",
    "createdAt",
    "updatedAt"
})
public record RecipientDto(
        long id,
        String firstName,
        String lastName,
        String email,
        String mobilePhone,
        String status,
        String country,
        String language,
        String birthDate,
        boolean emailOptOut,
        boolean smsOptOut,
        boolean emailQuarantined,
        boolean smsQuarantined,
        String createdAt,
        String updatedAt) {

    /** The recipient's API form. */
    public static RecipientDto of(Recipient r) {
        return new RecipientDto(
                r.getId() == null ? 0 : r.getId(),
                r.getFirstName(),
                r.getLastName(),
                r.getEmail(),
                r.getMobilePhone(),
                r.getStatus() == null ? null : r.getStatus().name(),
                r.getCountry(),
                r.getLanguage(),
                text(r.getBirthDate()),
                r.isEmailOptOut(),
                r.isSmsOptOut(),
                r.getEmailQuarantinedAt() != null,
                r.getSmsQuarantinedAt() != null,
                text(r.getCreatedAt()),
                text(r.getUpdatedAt()));
    }

    /** A page of recipients in their API form. */
    static PageDto<RecipientDto> page(Paging paging, RecipientPage page) {
        return PageDto.of(
                paging,
                page.total(),
                page.items().stream().map(RecipientDto::of).toList());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
