package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityType;

/**
 * Base of the AND activities combining several inputs into "out". They run once every incoming transition has fired
 * or been skipped; a skipped input counts as an EMPTY population.
 */
abstract class MultiInputActivity implements ActivityType {

    @Override
    public int maxInputs() {
        return UNBOUNDED;
    }

    @Override
    public boolean waitsForAllInputs() {
        return true;
    }
}
