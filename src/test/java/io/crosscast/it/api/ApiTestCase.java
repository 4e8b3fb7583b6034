package io.crosscast.it.api;

import io.crosscast.it.support.ClientTestCase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a test of the REST API as a marketer's script shares: a client signed in as marketer, and a fresh
 * token (the test's prefix, then 12 random hex digits) to name what the test creates and find it again.
 */
abstract class ApiTestCase extends ClientTestCase {

    private final String tokenPrefix;

    protected ApiClient api;
    protected String token;

    ApiTestCase(String tokenPrefix) {
        this.tokenPrefix = tokenPrefix;
    }

    @BeforeEach
    void marketerAndToken() {
        api = ApiClient.as(base, "marketer", "marketer");
        token = tokenPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
