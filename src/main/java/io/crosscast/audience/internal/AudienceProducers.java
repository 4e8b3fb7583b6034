package io.crosscast.audience.internal;

import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.contact.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The audience's plain-Java helpers as CDI beans, configured by system properties of the server:
 * {@code crosscast.timezone} (day boundaries of date conditions; default: the server's zone) and
 * {@code crosscast.phone.region} (region of phone numbers written without a country code; default FR).
 */
@ApplicationScoped
public class AudienceProducers {

    private final ConditionCompiler compiler = new ConditionCompiler(Clock.systemUTC(), zone());
    private final PhoneNumbers phoneNumbers = new PhoneNumbers(System.getProperty("crosscast.phone.region", "FR"));

    private static ZoneId zone() {
        String zone = System.getProperty("crosscast.timezone");
        return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /** Both helpers are immutable and final: one instance each, handed out as dependent objects. */
    @Produces
    ConditionCompiler conditionCompiler() {
        return compiler;
    }

    @Produces
    PhoneNumbers phoneNumbers() {
        return phoneNumbers;
    }
}
