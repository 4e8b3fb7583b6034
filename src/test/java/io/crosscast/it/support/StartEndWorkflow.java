package io.crosscast.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The smallest workflow that runs: Start -> End, as the REST API takes it (a run of it finishes at once). */
public final class StartEndWorkflow {

    private StartEndWorkflow() {}

    public static JsonObject named(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add(
                        "activities",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("id", "start")
                                        .add("type", "start"))
                                .add(Json.createObjectBuilder().add("id", "end").add("type", "end")))
                .add(
                        "transitions",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("from", "start")
                                        .add("to", "end")))
                .build();
    }
}
