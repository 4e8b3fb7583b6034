package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientForm;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link RecipientDto#of} and {@link RecipientInput#toForm()}: the API's view of a recipient, both ways. */
class RecipientMappingTest {

    @Test
    void everyFieldIsShownWithDatesInIso8601() throws Exception {
        Recipient r = new Recipient();
        r.setFirstName("Zoé");
        r.setLastName("Martin");
        r.setEmail("zoe.martin@example.com");
        r.setMobilePhone("+33612345678");
        r.setStatus(MembershipStatus.GOLD);
        r.setCountry("FR");
        r.setLanguage("fr");
        r.setBirthDate(LocalDate.of(1990, 5, 17));
        r.setEmailOptOut(true);
        set(r, "id", 42L);
        set(r, "emailQuarantinedAt", Instant.parse("2026-01-02T03:04:05Z"));
        set(r, "createdAt", Instant.parse("2026-11-29T10:15:30.123456Z"));
        set(r, "updatedAt", Instant.parse("2026-11-30T08:00:00Z"));

        RecipientDto dto = RecipientDto.of(r);

        assertEquals(
                new RecipientDto(
                        42,
                        "Zoé",
                        "Martin",
                        "zoe.martin@example.com",
                        "+33612345678",
                        "GOLD",
                        "FR",
                        "fr",
                        "1990-05-17",
                        true,
                        false,
                        true,
                        false,
                        "2026-11-29T10:15:30.123456Z",
                        "2026-11-30T08:00:00Z"),
                dto);
    }

    @Test
    void emptyValuesStayEmpty() throws Exception {
        Recipient r = new Recipient();
        set(r, "id", 7L);

        RecipientDto dto = RecipientDto.of(r);

        assertEquals(7, dto.id());
        assertNull(dto.email());
        assertNull(dto.birthDate());
        assertNull(dto.createdAt());
        assertEquals("NONE", dto.status());
        assertFalse(dto.emailQuarantined());
        assertFalse(dto.smsQuarantined());
    }

    @Test
    void anInputBecomesTheServicesForm() {
        RecipientInput input = new RecipientInput();
        input.setFirstName(" Jean ");
        input.setLastName("Dupont");
        input.setEmail("Jean.Dupont@Example.com");
        input.setMobilePhone("06 12 34 56 78");
        input.setStatus("silver");
        input.setCountry("fr");
        input.setLanguage("fr");
        input.setBirthDate(" 1985-12-31 ");
        input.setSmsOptOut(true);

        RecipientForm form = input.toForm();

        assertEquals(" Jean ", form.getFirstName(), "the service trims and normalises, not the mapping");
        assertEquals("Dupont", form.getLastName());
        assertEquals("Jean.Dupont@Example.com", form.getEmail());
        assertEquals("06 12 34 56 78", form.getMobilePhone());
        assertEquals(MembershipStatus.SILVER, form.getStatus());
        assertEquals("fr", form.getCountry());
        assertEquals("fr", form.getLanguage());
        assertEquals(LocalDate.of(1985, 12, 31), form.getBirthDate());
        assertFalse(form.isEmailOptOut());
        assertTrue(form.isSmsOptOut());
    }

    @Test
    void absentValuesAreEmptyOrTheDefaults() {
        RecipientForm form = new RecipientInput().toForm();

        assertNull(form.getEmail());
        assertNull(form.getBirthDate());
        assertEquals(MembershipStatus.NONE, form.getStatus());
        assertFalse(form.isEmailOptOut());
        assertFalse(form.isSmsOptOut());
    }

    @Test
    void aBadStatusOrDateIsA400NamingTheField() {
        RecipientInput badStatus = new RecipientInput();
        badStatus.setStatus("PLATINUM");
        ApiException status = assertThrows(ApiException.class, badStatus::toForm);
        assertEquals(400, status.error().status());
        assertEquals("status", status.error().field());
        assertEquals(
                "'PLATINUM' is not a status (GOLD, SILVER, BRONZE, NONE).",
                status.error().message());

        RecipientInput badDate = new RecipientInput();
        badDate.setBirthDate("17/05/1990");
        ApiException date = assertThrows(ApiException.class, badDate::toForm);
        assertEquals("birthDate", date.error().field());
        assertEquals("recipient.birthDateInvalid", date.error().code());
    }

    @Test
    void whatIsReadCanBeSentBack() throws Exception {
        Recipient r = new Recipient();
        r.setLastName("Roundtrip");
        r.setStatus(MembershipStatus.BRONZE);
        r.setBirthDate(LocalDate.of(2001, 2, 3));
        set(r, "id", 1L);
        RecipientDto read = RecipientDto.of(r);

        RecipientInput input = new RecipientInput();
        input.setLastName(read.lastName());
        input.setStatus(read.status());
        input.setBirthDate(read.birthDate());
        RecipientForm form = input.toForm();

        assertEquals(RecipientForm.of(r).getStatus(), form.getStatus());
        assertEquals(RecipientForm.of(r).getBirthDate(), form.getBirthDate());
    }

    private static void set(Recipient recipient, String field, Object value) throws ReflectiveOperationException {
        Field f = Recipient.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(recipient, value);
    }
}
