package io.crosscast.it.support;

import java.time.Instant;

/**
 * JSON documents the tests send: the condition on the last-name token under which a test creates its
 * recipients, and a workflow that waits.
 */
public final class TestDocuments {

    private TestDocuments() {}

    /** The condition {@code lastName equals token}: the recipients a test created under its token. */
    public static String lastNameIs(String token) {
        return "{\"field\": \"lastName\", \"operator\": \"equals\", \"values\": [\"" + token + "\"]}";
    }

    /** A workflow named {@code name}: Start -> Query (the recipients of {@code token}) -> Wait until -> End. */
    public static String waitWorkflow(String name, String token, Instant until) {
        return """
                {"name": "%s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition": %s}},
                  {"id": "wait", "type": "wait", "config": {"until": "%s"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [{"from": "start", "to": "query"}, {"from": "query", "to": "wait"},
                                 {"from": "wait", "to": "end"}]}
                """.formatted(name, lastNameIs(token), until);
    }
}
