package io.crosscast.tracking.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ActorRulesTest {

    private static Properties thresholds() {
        Properties p = new Properties();
        p.setProperty("honeypotWindow", "60");
        p.setProperty("allLinksWindow", "10");
        p.setProperty("allLinksMinimum", "2");
        p.setProperty("clickAfterSend", "10");
        p.setProperty("openAfterSend", "10");
        p.setProperty("reconsider", "600");
        return p;
    }

    @Test
    void rulesApplyInTheOrderOfTheirNumbersNotOfTheFile() {
        Properties p = thresholds();
        p.setProperty("agent.20", "SCANNER, SECOND, contains, any, tool");
        p.setProperty("agent.3", "PERSON, FIRST, contains, click, tool, with a comma");
        ActorRules rules = ActorRules.read(p);
        assertEquals("FIRST", rules.agents().get(0).reason());
        assertEquals("tool, with a comma", rules.agents().get(0).text());
        AgentClassifier classifier = new AgentClassifier(rules);
        assertEquals(
                Optional.of(new Verdict(Actor.PERSON, "FIRST")),
                classifier.classify("GET", HitType.CLICK, "My TOOL, WITH A COMMA/1"));
        assertEquals(
                Optional.of(new Verdict(Actor.SCANNER, "SECOND")),
                classifier.classify("GET", HitType.OPEN, "My TOOL, WITH A COMMA/1"));
        assertTrue(classifier.classify("GET", HitType.OPEN, "other").isEmpty());
    }

    @Test
    void malformedRulesAreRefused() {
        Properties unknown = thresholds();
        unknown.setProperty("honeypotWindw", "5");
        assertThrows(IllegalArgumentException.class, () -> ActorRules.read(unknown));
        Properties badActor = thresholds();
        badActor.setProperty("agent.1", "ROBOT, X, contains, any, x");
        assertThrows(IllegalArgumentException.class, () -> ActorRules.read(badActor));
        Properties missing = thresholds();
        missing.remove("reconsider");
        assertThrows(IllegalArgumentException.class, () -> ActorRules.read(missing));
    }

    @Test
    void theShippedRulesRead() {
        ActorRules rules = ActorRules.standard();
        assertTrue(rules.agents().size() > 10);
        assertEquals(AgentRule.Match.EQUALS, rules.agents().get(0).match());
    }
}
