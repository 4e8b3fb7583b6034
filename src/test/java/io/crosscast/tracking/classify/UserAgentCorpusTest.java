package io.crosscast.tracking.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped rules against a corpus of real user agents (user-agents.txt). */
class UserAgentCorpusTest {

    private static final AgentClassifier CLASSIFIER = new AgentClassifier(ActorRules.standard());

    record Sample(String expected, HitType type, String method, String userAgent, int line) {
        @Override
        public String toString() {
            return "line " + line + ": " + type + " " + method + " " + userAgent;
        }
    }

    static Stream<Sample> corpus() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = UserAgentCorpusTest.class.getResourceAsStream("user-agents.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 4);
                String agent = parts[3].strip();
                samples.add(new Sample(
                        parts[0].strip(),
                        HitType.valueOf(parts[1].strip()),
                        parts[2].strip(),
                        agent.isEmpty() ? null : agent,
                        number));
            }
        }
        return samples.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachUserAgentIsClassifiedAsTheCorpusSays(Sample sample) {
        Optional<Verdict> verdict = CLASSIFIER.classify(sample.method(), sample.type(), sample.userAgent());
        String said = verdict.map(v -> v.actor() + "/" + v.reason()).orElse("undecided");
        assertEquals(sample.expected(), said, sample.toString());
    }

    @Test
    void theCorpusCoversPeopleProxiesAndScanners() throws IOException {
        List<Sample> samples = corpus().toList();
        assertTrue(samples.size() >= 30, "corpus size " + samples.size());
        for (String kind : List.of("undecided", "PRIVACY_PROXY/", "PERSON/", "SCANNER/")) {
            assertTrue(samples.stream().anyMatch(s -> s.expected().startsWith(kind)), kind);
        }
    }
}
