package io.crosscast.it.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.QuarantineService;
import io.crosscast.audience.QuarantineService.Entry;
import io.crosscast.audience.QuarantineService.Kind;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.it.support.Deployments;
import io.crosscast.platform.Datasources;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Quarantined addresses and numbers are listed with their reason, and releasing one frees only it. */
@ExtendWith(ArquillianExtension.class)
class QuarantineIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private QuarantineService quarantine;

    @EJB
    private RecipientService recipients;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @Test
    void listedWithTheirReasonAndReleasedOneByOne() throws SQLException {
        String token = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        RecipientForm form = new RecipientForm();
        form.setFirstName("Quinn");
        form.setLastName(token);
        form.setEmail("quinn." + token + "@example.com");
        form.setMobilePhone("+33612345678");
        Recipient quinn = recipients.create(form);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE recipient SET email_quarantined_at = ?, email_quarantine_reason = ?, sms_quarantined_at = ?,"
                                + " sms_quarantine_reason = ? WHERE id = ?")) {
            s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            s.setString(2, "550 5.1.1 User unknown");
            s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            s.setString(4, "SMSC refused (status 0xb)");
            s.setLong(5, quinn.getId());
            s.executeUpdate();
        }
        List<Entry> mine = quarantine.page(0, 10_000).stream()
                .filter(e -> e.recipientId() == quinn.getId())
                .toList();
        assertEquals(2, mine.size());
        Entry email =
                mine.stream().filter(e -> e.kind() == Kind.EMAIL).findFirst().orElseThrow();
        assertEquals("quinn." + token + "@example.com", email.address());
        assertEquals("550 5.1.1 User unknown", email.reason());

        assertTrue(quarantine.release(quinn.getId(), Kind.EMAIL));
        assertFalse(quarantine.release(quinn.getId(), Kind.EMAIL), "already released");
        Recipient after = recipients.find(quinn.getId()).orElseThrow();
        assertNull(after.getEmailQuarantinedAt());
        assertTrue(
                quarantine.page(0, 10_000).stream()
                        .anyMatch(e -> e.recipientId() == quinn.getId() && e.kind() == Kind.SMS),
                "the number stays");
    }
}
