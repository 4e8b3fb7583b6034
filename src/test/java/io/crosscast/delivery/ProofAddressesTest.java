package io.crosscast.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofAddressesTest {

    @Test
    void splitsOnCommasSemicolonsSpacesAndLineBreaks() {
        assertEquals(
                List.of("a@example.com", "b@example.com", "c@example.com", "d@example.com"),
                ProofAddresses.split(" a@example.com, b@example.com;c@example.com\n d@example.com ,, "));
        assertEquals(List.of(), ProofAddresses.split(null));
        assertEquals(List.of(), ProofAddresses.split("  ,; "));
    }

    @Test
    void goodAddressesHaveNoProblem() {
        assertEquals(List.of(), ProofAddresses.problems(List.of("ana@example.com", " ben@example.org ")));
    }

    @Test
    void noAddressIsAProblem() {
        assertEquals(
                List.of(DeliveryProblem.of(DeliveryProblem.Code.PROOF_NO_ADDRESS)), ProofAddresses.problems(List.of()));
        assertEquals(
                "Give at least one address to send the proof to.",
                ProofAddresses.problems(List.of()).get(0).message());
        assertEquals(1, ProofAddresses.problems(List.of(" ")).size());
        assertEquals(1, ProofAddresses.problems(null).size());
    }

    @Test
    void badAddressesAreListedWithTheirReasons() {
        List<DeliveryProblem> problems =
                ProofAddresses.problems(List.of("ana@example.com", "ben@@example.com", "cid at example"));
        assertEquals(1, problems.size(), problems.toString());
        String message = problems.get(0).message();
        assertTrue(
                message.startsWith("These addresses are not valid: 'ben@@example.com' is not a valid email address")
                        && message.contains("cid"),
                message);
        assertEquals(
                DeliveryProblem.Code.PROOF_ADDRESSES_INVALID, problems.get(0).code());
        assertEquals(
                "ben@@example.com, cid at example",
                problems.get(0).arguments().get(1),
                "the addresses, for translations");
        assertEquals(
                List.of("ben@@example.com", "cid"),
                ProofAddresses.invalid(ProofAddresses.split("ana@example.com ben@@example.com cid")));
    }

    @Test
    void atMostTenDistinctAddresses() {
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("t" + i + "@example.com");
        }
        List<DeliveryProblem> problems = ProofAddresses.problems(eleven);
        assertEquals(1, problems.size());
        assertEquals(
                "A proof goes to at most 10 addresses; 11 were given.",
                problems.get(0).message());
        assertEquals(List.of("10", "11"), problems.get(0).arguments());

        List<String> repeated = new ArrayList<>(eleven.subList(0, 10));
        repeated.add("T0@Example.com");
        assertEquals(List.of(), ProofAddresses.problems(repeated), "the same address in another case counts once");
        assertEquals(10, ProofAddresses.distinct(repeated).size());
    }
}
