package io.crosscast.delivery;

import io.crosscast.audience.contact.EmailAddresses;
import io.crosscast.audience.contact.InvalidContactException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses a proof goes to: typed as one line (commas, semicolons, spaces or line breaks between
 * them), at most {@link #MAX} of them, each a valid email address ({@link EmailAddresses}). Plain Java.
 */
public final class ProofAddresses {

    /** The most addresses one proof goes to. */
    public static final int MAX = 10;

    private ProofAddresses() {}

    /** The addresses of a typed list, trimmed, empty items left out, in the order typed. */
    public static List<String> split(String typed) {
        List<String> addresses = new ArrayList<>();
        if (typed == null) {
            return addresses;
        }
        for (String item : typed.split("[,;\\s]+")) {
            if (!item.isBlank()) {
                addresses.add(item.strip());
            }
        }
        return addresses;
    }

    /** The addresses that are not valid email addresses, as typed (trimmed), each once. */
    public static List<String> invalid(List<String> addresses) {
        List<String> invalid = new ArrayList<>();
        for (String address : addresses) {
            String trimmed = address == null ? "" : address.strip();
            if (reason(trimmed) != null && !invalid.contains(trimmed)) {
                invalid.add(trimmed);
            }
        }
        return invalid;
    }

    /**
     * Everything wrong with a list of proof addresses: none given, too many, invalid ones (listed with their
     * reasons, in English). Empty when the proof can go.
     */
    public static List<DeliveryProblem> problems(List<String> addresses) {
        List<DeliveryProblem> problems = new ArrayList<>();
        List<String> distinct = distinct(addresses);
        if (distinct.isEmpty()) {
            problems.add(DeliveryProblem.of(DeliveryProblem.Code.PROOF_NO_ADDRESS));
            return problems;
        }
        if (distinct.size() > MAX) {
            problems.add(DeliveryProblem.of(DeliveryProblem.Code.PROOF_TOO_MANY_ADDRESSES, MAX, distinct.size()));
        }
        List<String> reasons = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String address : distinct) {
            String reason = reason(address);
            if (reason != null) {
                reasons.add(reason);
                invalid.add(address);
            }
        }
        if (!reasons.isEmpty()) {
            problems.add(DeliveryProblem.of(
                    reasons.size() == 1
                            ? DeliveryProblem.Code.PROOF_ADDRESS_INVALID
                            : DeliveryProblem.Code.PROOF_ADDRESSES_INVALID,
                    String.join("; ", reasons),
                    String.join(", ", invalid)));
        }
        return problems;
    }

    /** The addresses trimmed, blanks left out, each once whatever its case (the first spelling is kept). */
    public static List<String> distinct(List<String> addresses) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (addresses != null) {
            for (String address : addresses) {
                if (address != null && !address.isBlank()) {
                    byKey.putIfAbsent(EmailAddresses.key(address.strip()), address.strip());
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String reason(String address) {
        try {
            EmailAddresses.normalise(address);
            return null;
        } catch (InvalidContactException e) {
            return e.getMessage();
        }
    }
}
