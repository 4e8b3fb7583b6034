package io.crosscast.campaign;

import io.crosscast.audience.DemoDataLoader;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the demo campaign ({@link DemoCampaign}) to a database that holds no campaign yet, when the server
 * sets the system property {@value DemoDataLoader#PROPERTY} (the development server of the run command
 * does, see src/build/wildfly/dev-demo.cli; real servers do not). It starts after the demo recipients are
 * in. A failure is logged and does not stop the deployment.
 */
@Singleton
@Startup
@DependsOn("DemoDataLoader")
public class DemoCampaignLoader {

    private static final Logger LOG = Logger.getLogger(DemoCampaignLoader.class.getName());

    @EJB
    private DemoCampaign demoCampaign;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        if (DemoDataLoader.wanted().isEmpty()) {
            return;
        }
        try {
            if (demoCampaign.campaignCount() > 0) {
                LOG.info("Demo data: campaigns already present, no demo campaign added");
                return;
            }
            demoCampaign.create();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Demo data: the demo campaign could not be created", e);
        }
    }
}
