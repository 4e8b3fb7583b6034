package io.crosscast.engine.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.Flow;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestActivityTest {

    @Test
    void aTestExpressionBeyondTheRangeOfALongIsAProblemNotACrashAtRunTime() {
        ActivityDefinition def =
                new ActivityDefinition("t", Types.TEST, Flow.config("expression=count>99999999999999999999"));
        assertEquals(
                List.of("test.badExpression"),
                new TestActivity().validate(def).stream().map(t -> t.key()).toList());
        assertEquals(
                List.of(),
                new TestActivity()
                        .validate(new ActivityDefinition(
                                "t", Types.TEST, Flow.config("expression=count>9223372036854775807"))));
    }
}
