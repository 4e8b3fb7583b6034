package io.crosscast.it.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.DemoData;
import io.crosscast.audience.contact.EmailAddresses;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The set-based demo-data generator makes valid, varied, non-colliding recipients on the real database. */
@ExtendWith(ArquillianExtension.class)
class DemoDataIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DemoData demoData;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @Test
    void generatesVariedRecipientsTwiceWithoutCollisions() throws SQLException {
        long before = demoData.recipientCount();
        assertEquals(1500, demoData.generateRecipients(1500));
        assertEquals(700, demoData.generateRecipients(700));
        assertEquals(before + 2200, demoData.recipientCount());

        assertEquals(0, query("SELECT COUNT(*) FROM recipient WHERE email_key <> LOWER(email)"));
        assertEquals(
                query("SELECT COUNT(email_key) FROM recipient"),
                query("SELECT COUNT(DISTINCT email_key) FROM recipient"));
        for (String status : new String[] {"GOLD", "SILVER", "BRONZE", "NONE"}) {
            assertTrue(query("SELECT COUNT(*) FROM recipient WHERE status = '" + status + "'") > 0, status);
        }
        assertTrue(query("SELECT COUNT(*) FROM recipient WHERE email IS NULL") > 0);
        assertTrue(query("SELECT COUNT(*) FROM recipient WHERE mobile_phone IS NULL") > 0);
        assertTrue(query("SELECT COUNT(*) FROM recipient WHERE email_opt_out") > 0);
        for (String email : emails("SELECT email FROM recipient WHERE email LIKE '%@example.com' ORDER BY id DESC")) {
            assertEquals(email, EmailAddresses.normalise(email), "generated emails are valid");
        }
        assertEquals(
                0,
                query("SELECT COUNT(*) FROM recipient WHERE mobile_phone IS NOT NULL"
                        + " AND (LENGTH(mobile_phone) <> 12 OR mobile_phone NOT LIKE '+336%')"));
    }

    private List<String> emails(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setMaxRows(300);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    private long query(String sql) {
        return Sql.number(dataSource, sql);
    }
}
