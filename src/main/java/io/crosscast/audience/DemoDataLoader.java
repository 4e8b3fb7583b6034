package io.crosscast.audience;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Fills an empty database with demo recipients when the server sets the system property
 * {@code crosscast.demo.recipients} (the development server of the run command sets it to 10000; real
 * servers do not).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @EJB
    private DemoData demoData;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        String wanted = System.getProperty("crosscast.demo.recipients");
        if (wanted == null || wanted.isBlank()) {
            return;
        }
        if (demoData.recipientCount() > 0) {
            LOG.info("Demo data: recipients already present, nothing added");
            return;
        }
        try {
            demoData.generateRecipients(Long.parseLong(wanted.trim()));
        } catch (NumberFormatException e) {
            LOG.warning("crosscast.demo.recipients is not a number: '" + wanted + "'; no demo data loaded");
        }
    }
}
