package io.crosscast.crash.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Recipients made for one run of a crash test or a benchmark, imported through the REST CSV import
 * ({@link DeliveryApi#importRecipients}): recipient {@code i} has the address {@code r<i>.<token>@<domain>}, the
 * first name {@code R<i>} and, when the audience has mobiles, the French mobile number
 * {@code +3361} followed by 7 digits from {@code firstMobile + i}; all have the last name {@code token}, unique to
 * the run (a PostgreSQL database may keep earlier runs' recipients), which {@link #condition()} targets. Addresses
 * and numbers are made on demand: a million of them are never held at once.
 *
 * @param firstMobile the 7 digits of recipient 0's number; negative: no mobiles
 */
public record Audience(String token, int size, String domain, int firstMobile) {

    private static final int MOBILES = 10_000_000;

    /** A new audience without mobiles, whose token starts with {@code prefix} and ends with random characters. */
    public static Audience random(String prefix, int size, String domain) {
        return new Audience(
                prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12), size, domain, -1);
    }

    /** The same recipients with mobile numbers too, from a random start (all distinct within the audience). */
    public Audience withMobiles() {
        if (size > MOBILES) {
            throw new IllegalArgumentException("at most " + MOBILES + " distinct mobiles: " + size);
        }
        return new Audience(token, size, domain, new Random().nextInt(MOBILES - size + 1));
    }

    public boolean hasMobiles() {
        return firstMobile >= 0;
    }

    public String address(int i) {
        return "r" + i + "." + token.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    /** Recipient {@code i}'s mobile number (E.164, as the ledger has it). */
    public String mobile(int i) {
        if (!hasMobiles()) {
            throw new IllegalStateException("an audience without mobiles");
        }
        return String.format("+3361%07d", firstMobile + i);
    }

    /** All the addresses, recipient {@code i}'s at index {@code i}. */
    public List<String> emails() {
        return made(this::address, size);
    }

    /** All the mobile numbers, recipient {@code i}'s at index {@code i}; empty without mobiles. */
    public List<String> mobiles() {
        return made(this::mobile, hasMobiles() ? size : 0);
    }

    /** The CSV import's header line. */
    String csvHeader() {
        return "email,first name,last name" + (hasMobiles() ? ",mobile" : "") + "\n";
    }

    /** Recipient {@code i}'s CSV line. */
    void appendCsv(StringBuilder csv, int i) {
        csv.append(address(i)).append(",R").append(i).append(',').append(token);
        if (hasMobiles()) {
            csv.append(',').append(mobile(i));
        }
        csv.append('\n');
    }

    /** The condition that targets exactly this audience. */
    public JsonObject condition() {
        return Json.createObjectBuilder()
                .add("field", "lastName")
                .add("operator", "equals")
                .add("values", Json.createArrayBuilder().add(token))
                .build();
    }

    private static List<String> made(IntFunction<String> element, int size) {
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                return element.apply(Objects.checkIndex(i, size));
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
