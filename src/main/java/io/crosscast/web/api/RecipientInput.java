package io.crosscast.web.api;

import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.RecipientForm;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The body of {@code POST /api/recipients} and {@code PUT /api/recipients/{id}}: the writable fields of
 * {@link RecipientDto}, as text. Other keys (such as {@code id} or {@code createdAt} of a recipient read
 * before) are ignored, so a client can send back what it read. A PUT replaces every field: one left out
 * is cleared. The service normalises and checks the values (email, phone, country...); this class only
 * reads what JSON cannot carry typed: the status and the birth date.
 */
public class RecipientInput {

    private String firstName;
    private String lastName;
    private String email;
    private String mobilePhone;
    private String status;
    private String country;
    private String language;
    private String birthDate;
    private Boolean emailOptOut;
    private Boolean smsOptOut;

    /**
     * The form the service takes.
     *
     * @throws ApiException (400) if the status is not GOLD, SILVER, BRONZE or NONE (any case), or the
     *                      birth date is not {@code yyyy-MM-dd}
     */
    public RecipientForm toForm() {
        RecipientForm form = new RecipientForm();
        form.setFirstName(firstName);
        form.setLastName(lastName);
        form.setEmail(email);
        form.setMobilePhone(mobilePhone);
        form.setStatus(status(status));
        form.setCountry(country);
        form.setLanguage(language);
        form.setBirthDate(date(birthDate));
        form.setEmailOptOut(Boolean.TRUE.equals(emailOptOut));
        form.setSmsOptOut(Boolean.TRUE.equals(smsOptOut));
        return form;
    }

    private static MembershipStatus status(String text) {
        return Requests.constant(
                MembershipStatus.class,
                text,
                MembershipStatus.NONE,
                t -> ApiException.badRequest(
                        "status",
                        "recipient.statusInvalid",
                        "'" + t.strip() + "' is not a status ("
                                + Arrays.stream(MembershipStatus.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + ")."));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "birthDate",
                    "recipient.birthDateInvalid",
                    "'" + text.strip() + "' is not a date (expected yyyy-MM-dd).");
        }
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobilePhone() {
        return mobilePhone;
    }

    public void setMobilePhone(String mobilePhone) {
        this.mobilePhone = mobilePhone;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public Boolean getEmailOptOut() {
        return emailOptOut;
    }

    public void setEmailOptOut(Boolean emailOptOut) {
        this.emailOptOut = emailOptOut;
    }

    public Boolean getSmsOptOut() {
        return smsOptOut;
    }

    public void setSmsOptOut(Boolean smsOptOut) {
        this.smsOptOut = smsOptOut;
    }
}
