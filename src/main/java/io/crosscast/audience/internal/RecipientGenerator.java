package io.crosscast.audience.internal;

import io.crosscast.platform.DatabaseVendor;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Builds the one INSERT ... SELECT that creates N realistic recipients in the database itself, without a
 * row passing through Java: names, tiers, countries, phones, opt-outs and birth dates are derived from the
 * row number. Spread: about 10 % Gold, 20 % Silver, 30 % Bronze, the rest without a tier; about 6 % have no
 * email, 9 % no mobile phone, 4 % opted out of email, 3 % out of SMS.
 */
public final class RecipientGenerator {

    private static final String[] FIRST_NAMES = {
        "Marie", "Jean", "Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Manon", "Arthur",
        "Inès", "Jules", "Sarah", "Adam", "Julie", "Paul", "Alice", "Nathan", "Zoé", "Thomas", "Lina", "Raphaël",
        "Clara", "Noah", "Anna", "Tom", "Eva", "Léo"
    };
    private static final String[] LAST_NAMES = {
        "Martin",
        "Bernard",
        "Dubois",
        "Thomas",
        "Robert",
        "Richard",
        "Petit",
        "Durand",
        "Leroy",
        "Moreau",
        "Simon",
        "Laurent",
        "Lefebvre",
        "Michel",
        "Garcia",
        "David",
        "Bertrand",
        "Roux",
        "Vincent",
        "Fournier",
        "Morel",
        "Girard",
        "André",
        "Mercier",
        "Dupont",
        "Lambert",
        "Bonnet",
        "François",
        "Martinez",
        "Legrand",
        "Garnier",
        "Faure",
        "Rousseau",
        "Blanc",
        "Guerin",
        "Muller",
        "Henry",
        "Roussel",
        "Nicolas",
        "Perrin"
    };
    private static final String[] COUNTRIES = {"FR", "FR", "FR", "FR", "FR", "FR", "FR", "BE", "CH", "LU"};

    private RecipientGenerator() {}

    /**
     * SQL inserting the recipients numbered {@code start + 1} to {@code start + count} (two bound
     * parameters: start, count). Emails are unique per number, so successive batches never collide.
     */
    public static String insertSql(DatabaseVendor vendor) {
        String numbers = switch (vendor) {
            case H2 -> "SELECT CAST(X AS BIGINT) + CAST(? AS BIGINT) AS n FROM SYSTEM_RANGE(1, CAST(? AS BIGINT))";
            case POSTGRESQL -> "SELECT g + CAST(? AS BIGINT) AS n FROM generate_series(1, CAST(? AS BIGINT)) g";
        };
        String birthDate = switch (vendor) {
            case H2 -> "DATEADD(DAY, MOD(s.n * 37, 25000), DATE '1940-01-01')";
            case POSTGRESQL -> "DATE '1940-01-01' + CAST(MOD(s.n * 37, 25000) AS INTEGER)";
        };
        String firstName = pick(FIRST_NAMES, "MOD(s.n, " + FIRST_NAMES.length + ")");
        String lastName = pick(LAST_NAMES, "MOD(s.n / " + FIRST_NAMES.length + ", " + LAST_NAMES.length + ")");
        String country = pick(COUNTRIES, "MOD(s.n / 7, " + COUNTRIES.length + ")");
        String emailLocal = pick(slugs(FIRST_NAMES), "MOD(s.n, " + FIRST_NAMES.length + ")") + " || '.' || "
                + pick(slugs(LAST_NAMES), "MOD(s.n / " + FIRST_NAMES.length + ", " + LAST_NAMES.length + ")")
                + " || '.' || CAST(s.n AS VARCHAR(20))";
        String email = "CASE WHEN MOD(s.n, 17) = 0 THEN NULL ELSE " + emailLocal + " || '@example.com' END";
        return "INSERT INTO recipient (first_name, last_name, email, email_key, mobile_phone, status, country,"
                + " language, birth_date, email_opt_out, sms_opt_out, created_at, updated_at)"
                + " SELECT " + firstName + ", " + lastName + ", " + email + ", " + email + ","
                + " CASE WHEN MOD(s.n, 11) = 0 THEN NULL"
                + " ELSE '+336' || LPAD(CAST(MOD(s.n * 7919, 100000000) AS VARCHAR(12)), 8, '0') END,"
                + " CASE WHEN MOD(s.n * 7, 100) < 10 THEN 'GOLD' WHEN MOD(s.n * 7, 100) < 30 THEN 'SILVER'"
                + " WHEN MOD(s.n * 7, 100) < 60 THEN 'BRONZE' ELSE 'NONE' END,"
                + " " + country + ", CASE WHEN MOD(s.n, 9) = 0 THEN 'en' ELSE 'fr' END,"
                + " CASE WHEN MOD(s.n, 13) = 0 THEN NULL ELSE " + birthDate + " END,"
                + " MOD(s.n, 23) = 0, MOD(s.n, 31) = 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
                + " FROM (" + numbers + ") s";
    }

    /**
     * Where the next batch's numbers start: the highest recipient id. Generated rows get ids at least as
     * high as their number, so a new batch never reuses a number (nor an email) of an earlier one.
     */
    public static String nextStartSql() {
        return "SELECT COALESCE(MAX(id), 0) FROM recipient";
    }

    /** Names as they appear in email addresses: lower case, without accents. */
    private static String[] slugs(String[] names) {
        return Arrays.stream(names)
                .map(n -> Normalizer.normalize(n, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
    }

    private static String pick(String[] values, String indexExpression) {
        StringBuilder sql = new StringBuilder("CASE ").append(indexExpression);
        for (int i = 0; i < values.length; i++) {
            sql.append(" WHEN ")
                    .append(i)
                    .append(" THEN '")
                    .append(values[i].replace("'", "''"))
                    .append('\'');
        }
        return sql.append(" END").toString();
    }
}
