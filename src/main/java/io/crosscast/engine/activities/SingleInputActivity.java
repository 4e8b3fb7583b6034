package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityType;

/** Base of the activities that take exactly one incoming transition. */
abstract class SingleInputActivity implements ActivityType {

    @Override
    public int minInputs() {
        return 1;
    }

    @Override
    public int maxInputs() {
        return 1;
    }
}
