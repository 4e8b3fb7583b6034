package io.crosscast.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofAddressesTest {

    @Test
    void splitsOnCommasSemicolonsSpacesAndLineBreaks() {
        assertEquals(List.of("a@example.com", "b@example.com", "c@example.com", "d@example.com"),
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
        assertEquals(1, ProofAddresses.problems(List.of()).size());
        assertEquals(1, ProofAddresses.problems(List.of(" ")).size());
        assertEquals(1, ProofAddresses.problems(null).size());
    }

    @Test
    void badAddressesAreListedWithTheirReasons() {
        List<String> problems = ProofAddresses.problems(List.of("ana@example.com", "ben@@example.com", "cid at example"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("ben@@example.com") && problems.get(0).contains("cid"), problems.get(0));
        assertEquals(List.of("ben@@example.com", "cid"), ProofAddresses.invalid(ProofAddresses.split("ana@example.com ben@@example.com cid")));
    }

    @Test
    void atMostTenDistinctAddresses() {
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("t" + i + "@example.com");
        }
        List<String> problems = ProofAddresses.problems(eleven);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("10"), problems.get(0));

        List<String> repeated = new ArrayList<>(eleven.subList(0, 10));
        repeated.add("T0@Example.com");
        assertEquals(List.of(), ProofAddresses.problems(repeated), "the same address in another case counts once");
        assertEquals(10, ProofAddresses.distinct(repeated).size());
    }
}
