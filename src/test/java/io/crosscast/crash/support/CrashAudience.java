package io.crosscast.crash.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Recipients of one crash test, imported through the REST API's CSV import: {@code count} of them, recipient
 * {@code i} with first name {@code R<i>}, an email address and, when asked, a French mobile number, all with a
 * last name unique to this run ({@link #token}: a PostgreSQL database may keep earlier runs' recipients), which
 * {@link #condition()} targets.
 *
 * @param token     the last name of all of them
 * @param emails    recipient {@code i}'s address at index {@code i}
 * @param mobiles   recipient {@code i}'s mobile number (E.164) at index {@code i}; empty without mobiles
 */
public record CrashAudience(String token, List<String> emails, List<String> mobiles) {

    /** Imports them; fails unless all were created. */
    public static CrashAudience importInto(RestClient api, int count, boolean withMobiles) {
        String token = "Crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // Mobile numbers +33 61 followed by 7 digits (valid French mobiles), from a random start: unique in the run.
        int firstMobile = new Random().nextInt(10_000_000 - count);
        List<String> emails = new ArrayList<>(count);
        List<String> mobiles = new ArrayList<>(withMobiles ? count : 0);
        StringBuilder csv = new StringBuilder("email,first name,last name" + (withMobiles ? ",mobile" : "") + "\n");
        for (int i = 0; i < count; i++) {
            String email = "r" + i + "." + token.toLowerCase() + "@crash.example.com";
            emails.add(email);
            csv.append(email).append(",R").append(i).append(',').append(token);
            if (withMobiles) {
                String mobile = String.format("+3361%07d", firstMobile + i);
                mobiles.add(mobile);
                csv.append(',').append(mobile);
            }
            csv.append('\n');
        }
        JsonObject report = api.postCsv("imports", csv.toString());
        assertEquals(count, report.getInt("created"), "recipients imported: " + report);
        return new CrashAudience(token, List.copyOf(emails), List.copyOf(mobiles));
    }

    public int size() {
        return emails.size();
    }

    /** The condition that targets exactly them. */
    public JsonObject condition() {
        return Json.createObjectBuilder().add("field", "lastName").add("operator", "equals")
                .add("values", Json.createArrayBuilder().add(token)).build();
    }
}
