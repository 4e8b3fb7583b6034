package io.crosscast.audience.importing;

import java.util.List;

/**
 * The recipient fields a CSV column can be imported into. Each has a stable {@link #key() key} (for
 * saved mappings and message bundles), an English {@link #label() label}, and the header names, in
 * English and French, that {@link ColumnMapping#autoMatch(List)} recognises.
 */
public enum ImportField {
    FIRST_NAME("firstName", "First name", List.of("first name", "firstname", "prénom", "given name", "forename")),
    LAST_NAME(
            "lastName",
            "Last name",
            List.of("last name", "lastname", "surname", "nom", "family name", "nom de famille")),
    EMAIL(
            "email",
            "Email",
            List.of(
                    "email",
                    "e-mail",
                    "mail",
                    "courriel",
                    "email address",
                    "adresse email",
                    "adresse mail",
                    "adresse e-mail")),
    MOBILE_PHONE(
            "mobilePhone",
            "Mobile phone",
            List.of(
                    "mobile phone",
                    "mobile",
                    "phone",
                    "cell",
                    "cell phone",
                    "mobile number",
                    "portable",
                    "téléphone mobile",
                    "téléphone portable",
                    "téléphone",
                    "numéro de portable")),
    STATUS("status", "Status", List.of("status", "tier", "statut", "membership")),
    COUNTRY("country", "Country", List.of("country", "country code", "pays", "code pays")),
    LANGUAGE("language", "Language", List.of("language", "lang", "langue")),
    BIRTH_DATE(
            "birthDate",
            "Birth date",
            List.of("birth date", "birthdate", "date of birth", "dob", "birthday", "date de naissance")),
    EMAIL_OPT_OUT(
            "emailOptOut",
            "Email opt-out",
            List.of("email opt out", "unsubscribed", "désabonné", "désinscrit", "opt out email")),
    SMS_OPT_OUT("smsOptOut", "SMS opt-out", List.of("sms opt out", "stop sms", "opt out sms"));

    private final String key;
    private final String label;
    private final List<String> headerNames;

    ImportField(String key, String label, List<String> headerNames) {
        this.key = key;
        this.label = label;
        this.headerNames = headerNames;
    }

    /** Stable identifier, for example {@code "firstName"}. */
    public String key() {
        return key;
    }

    /** English name for people, for example {@code "First name"}. */
    public String label() {
        return label;
    }

    /**
     * Header names recognised for this field, besides its key and label. They are compared ignoring case,
     * accents, spaces and punctuation, so {@code "prénom"} also stands for {@code "PRENOM"} and
     * {@code "Pré-nom"}.
     */
    public List<String> headerNames() {
        return headerNames;
    }
}
