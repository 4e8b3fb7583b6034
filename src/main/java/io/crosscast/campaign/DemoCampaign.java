package io.crosscast.campaign;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * Writes the demo campaign ({@link DemoCampaignData}) into the database in one transaction: the campaign (a
 * draft, owned by the demo user), its offer email, reminder email and SMS, and its diagram, the seed
 * workflow naming those deliveries. Called at startup by {@link DemoCampaignLoader}.
 */
@Stateless
public class DemoCampaign {

    private static final Logger LOG = Logger.getLogger(DemoCampaign.class.getName());

    @EJB
    private CampaignService campaigns;

    @EJB
    private CampaignWorkflowService workflows;

    /** How many campaigns the database holds. */
    public long campaignCount() {
        return campaigns.count(null, null);
    }

    /**
     * Creates the demo campaign, whatever the database already holds; returns its id. It stays a draft: the
     * marketer starts it.
     */
    public long create() {
        Campaign campaign = campaigns.create(DemoCampaignData.campaign(LocalDate.now()));
        long id = campaign.getId();
        Delivery offer = campaigns.createDelivery(id, Channel.EMAIL, DemoCampaignData.offerEmail());
        Delivery reminder = campaigns.createDelivery(id, Channel.EMAIL, DemoCampaignData.reminderEmail());
        Delivery sms = campaigns.createDelivery(id, Channel.SMS, DemoCampaignData.sms());
        workflows.saveDiagram(id, DemoCampaignData.workflow(offer.getId(), reminder.getId(), sms.getId()));
        LOG.info(() -> "Demo campaign '" + DemoCampaignData.LABEL + "' created (id " + id + ", deliveries "
                + offer.getId() + ", " + reminder.getId() + ", " + sms.getId() + ")");
        return id;
    }
}
