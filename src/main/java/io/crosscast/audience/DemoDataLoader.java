package io.crosscast.audience;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
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

    /** The system property that asks for demo data, with the number of demo recipients. */
    public static final String PROPERTY = "crosscast.demo.recipients";

    @EJB
    private DemoData demoData;

    /** The number of demo recipients the server asks for, as it is set; empty on a server that wants no demo data. */
    public static Optional<String> wanted() {
        String wanted = System.getProperty(PROPERTY);
        return wanted == null || wanted.isBlank() ? Optional.empty() : Optional.of(wanted);
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        Optional<String> wanted = wanted();
        if (wanted.isEmpty()) {
            return;
        }
        if (demoData.recipientCount() > 0) {
            LOG.info("Demo data: recipients already present, nothing added");
            return;
        }
        try {
            demoData.generateRecipients(Long.parseLong(wanted.get().trim()));
        } catch (NumberFormatException e) {
            LOG.warning(PROPERTY + " is not a number: '" + wanted.get() + "'; no demo data loaded");
        }
    }
}
