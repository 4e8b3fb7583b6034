package io.crosscast.audience.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jean@example.fr",
                "Jean.Dupont@Example.COM",
                "jean+news@example.co.uk",
                "o'brien@example.ie",
                "first_last-1@mail.example-domain.org",
                "a@b.io",
                "jean@xn--exmple-cua.fr"
            })
    void acceptsCommonAddresses(String address) {
        assertEquals(address, EmailAddresses.normalise(address));
    }

    @Test
    void trimsButKeepsTheCase() {
        assertEquals("Jean.Dupont@Example.fr", EmailAddresses.normalise("  Jean.Dupont@Example.fr\t"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jean@@example",
                "jean.example.fr",
                "jean@example",
                "@example.fr",
                "jean@",
                "jean dupont@example.fr",
                "jean@exa mple.fr",
                "jean@.example.fr",
                "jean@example..fr",
                "jean@-example.fr",
                "jean@example-.fr",
                "jean@example.f",
                "jean@192.168.0.1",
                ".jean@example.fr",
                "jean.@example.fr",
                "jean..dupont@example.fr",
                "jean(work)@example.fr",
                "\"jean dupont\"@example.fr",
                "jean@exämple.fr",
                "jéan@example.fr",
                "jean@example.fr."
            })
    void refusesInvalidAddresses(String address) {
        InvalidContactException e =
                assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise(address));
        assertTrue(e.getMessage().startsWith("'" + address + "' is not a valid email address"), e.getMessage());
    }

    @Test
    void explainsWhatIsWrong() {
        assertEquals(
                "'jean@@example' is not a valid email address: it must contain exactly one @",
                assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise("jean@@example"))
                        .getMessage());
        assertEquals(
                "'jean@example' is not a valid email address: the domain must contain a dot",
                assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise("jean@example"))
                        .getMessage());
    }

    @Test
    void limitsTheLocalPartTo64Characters() {
        String local64 = "a".repeat(64);
        assertEquals(local64 + "@example.fr", EmailAddresses.normalise(local64 + "@example.fr"));
        assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise("a" + local64 + "@example.fr"));
    }

    @Test
    void limitsTheAddressTo254Characters() {
        String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".fr";
        String address254 = "j@" + domain;
        assertEquals(254, address254.length());
        assertEquals(address254, EmailAddresses.normalise(address254));
        assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise("j" + address254));
    }

    @Test
    void limitsDomainLabelsTo63Characters() {
        assertEquals("j@" + "a".repeat(63) + ".fr", EmailAddresses.normalise("j@" + "a".repeat(63) + ".fr"));
        assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise("j@" + "a".repeat(64) + ".fr"));
    }

    @Test
    void requiresAValue() {
        assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise(null));
        assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise("   "));
    }

    @Test
    void optionalVariantIsEmptyForNothing() {
        assertEquals(Optional.empty(), EmailAddresses.normaliseOptional(null));
        assertEquals(Optional.empty(), EmailAddresses.normaliseOptional(" "));
        assertEquals(Optional.of("jean@example.fr"), EmailAddresses.normaliseOptional(" jean@example.fr "));
        assertThrows(InvalidContactException.class, () -> EmailAddresses.normaliseOptional("jean@"));
    }

    @Test
    void keyIsTheLowerCasedAddress() {
        assertEquals("jean.dupont@example.fr", EmailAddresses.key("Jean.DUPONT@Example.FR"));
    }

    @Test
    void keyDoesNotDependOnTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals("irina@example.fr", EmailAddresses.key("IRINA@EXAMPLE.FR"));
        } finally {
            Locale.setDefault(previous);
        }
    }
}
