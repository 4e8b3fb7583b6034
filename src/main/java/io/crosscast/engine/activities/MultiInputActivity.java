package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.Text;
import java.util.List;

/**
 * Base of the AND activities combining several inputs into "out". They run once every incoming transition has fired
 * or been skipped; a skipped input counts as an EMPTY population.
 */
abstract class MultiInputActivity implements ActivityType {

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return List.of("out");
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        return List.of();
    }

    @Override
    public int minInputs() {
        return 1;
    }

    @Override
    public int maxInputs() {
        return UNBOUNDED;
    }

    @Override
    public boolean waitsForAllInputs() {
        return true;
    }
}
