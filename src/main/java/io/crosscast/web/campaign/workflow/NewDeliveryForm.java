package io.crosscast.web.campaign.workflow;

import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignService;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryOverview;
import io.crosscast.web.Messages;
import io.crosscast.web.campaign.CampaignUi;
import io.crosscast.web.delivery.DeliveryUi;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The deliveries of a delivery activity's properties dialog ({@link ActivityProperties}): the campaign's
 * deliveries of the activity's channel to choose from, and the form that creates a new draft one there (label,
 * sender, subject, body) and chooses it.
 */
@Named
@ViewScoped
public class NewDeliveryForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CampaignService campaigns;

    @Inject
    private EditorState state;

    private List<DeliveryOverview> deliveries = List.of();
    private String label;
    private String sender;
    private String subject;
    private String body;
    private boolean creating;

    /** For a dialog that opens: the campaign's deliveries read again, and no new delivery being written. */
    public void reset() {
        deliveries = campaigns.deliveries(state.getCampaignId());
        clear();
    }

    private void clear() {
        label = null;
        sender = null;
        subject = null;
        body = null;
        creating = false;
    }

    /** Shows the fields of a new delivery in the dialog. */
    public void open() {
        creating = true;
    }

    public boolean isCreating() {
        return creating;
    }

    /** Creates a draft delivery of the dialog's channel in the campaign and chooses it. */
    public void create() {
        ActivityForm form = state.getForm();
        if (form == null) {
            return;
        }
        boolean sms = "smsDelivery".equals(form.getType());
        DeliveryContent content = sms
                ? new DeliveryContent(label, sender, null, null, null, null, body)
                : new DeliveryContent(label, null, sender, null, subject, body, null);
        try {
            long id = campaigns
                    .createDelivery(state.getCampaignId(), sms ? Channel.SMS : Channel.EMAIL, content)
                    .getId();
            form.setDelivery(id);
            deliveries = campaigns.deliveries(state.getCampaignId());
            clear();
            Messages.info("workflow.deliveryCreated");
        } catch (DeliveryException e) {
            DeliveryUi.show(ActivityProperties.DIALOG, e);
            FacesContext.getCurrentInstance().validationFailed();
        } catch (CampaignException e) {
            CampaignUi.show(ActivityProperties.DIALOG, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** The campaign's deliveries of the dialog's channel. */
    public List<DeliveryOverview> getChannelDeliveries() {
        boolean sms =
                state.getForm() != null && "smsDelivery".equals(state.getForm().getType());
        return deliveries.stream()
                .filter(d -> (d.channel() == Channel.SMS) == sms)
                .toList();
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
