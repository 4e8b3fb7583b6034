package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

class VerpTest {

    @Test
    void theAddressCarriesTheMessageIdsLocalPart() {
        assertEquals(
                "bounces+d12.r345.Zk3_xQ-9aB1c@mail.example.com",
                Verp.address("bounces@mail.example.com", "<d12.r345.Zk3_xQ-9aB1c@crosscast.example>"));
        assertThrows(IllegalArgumentException.class, () -> Verp.address("bounces@x.example", "no id"));
    }

    @Test
    void aPlainMessageIsCopiedWithItsMessageIdAndASignedOneKept() throws Exception {
        MimeMessage plain = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<d1.r2.T@crosscast.test>");
            }
        };
        plain.setText("Hello");
        plain.setSubject("Offer");
        plain.saveChanges();
        SMTPMessage copy = (SMTPMessage) Verp.withEnvelopeFrom(plain, "b+d1.r2.T@x.example");
        assertEquals("b+d1.r2.T@x.example", copy.getEnvelopeFrom());
        copy.saveChanges();
        assertEquals("<d1.r2.T@crosscast.test>", copy.getMessageID(), "the Message-ID survives a save");
        assertEquals("Offer", copy.getSubject());

        SMTPMessage already = new SMTPMessage(Session.getInstance(new Properties()));
        assertSame(already, Verp.withEnvelopeFrom(already, "b+x@x.example"));
        assertEquals("b+x@x.example", already.getEnvelopeFrom());
    }
}
