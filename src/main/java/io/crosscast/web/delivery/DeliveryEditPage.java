package io.crosscast.web.delivery;

import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignService;
import io.crosscast.content.Personalization;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of deliveries/edit.xhtml: write a delivery ({@code ?id=}; none for a new one, an email unless
 * {@code ?channel=SMS}) and save it. A delivery that is no longer a draft is shown read only (preview and
 * proofs still work).
 *
 * <p>The page's other concerns have beans of their own, in the same view, that work on this draft: the email
 * body's editor ({@link DeliveryBodyEditor}), the text message's counter ({@link DeliverySmsText}), the
 * preview for a recipient ({@link DeliveryPreview}), proofs ({@link DeliveryProof}) and the send dialog
 * ({@link DeliverySendDialog}). They save the draft first with {@link #persist()}.
 *
 * <p>A text message has a sender id (the content's sender name) and a text (its text body).
 */
@Named
@ViewScoped
public class DeliveryEditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private CampaignService campaigns;

    private Long id;
    private String idParam;
    private String channelParam;
    private String campaignParam;
    private Channel channel = Channel.EMAIL;
    private DeliveryStatus status;
    private DeliveryForm form = new DeliveryForm();

    /**
     * Loads the delivery named by the view parameter; an unknown id shows the not-found page. A new delivery
     * takes its channel from the {@code channel} parameter.
     */
    public void load() throws IOException {
        if (idParam == null || idParam.isBlank()) {
            channel = DeliveryPages.parseChannel(channelParam);
            return;
        }
        id = DeliveryPages.parseId(idParam);
        Delivery delivery = id == null ? null : deliveries.find(id).orElse(null);
        if (delivery == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such delivery");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        status = delivery.getStatus();
        channel = delivery.getChannel();
        form = DeliveryForm.of(delivery);
    }

    /** Saves the form; a new delivery then opens at its own address. */
    public String save() {
        boolean created = id == null;
        if (!persist()) {
            return null;
        }
        Messages.info(created ? "delivery.created" : "delivery.saved");
        if (created) {
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/deliveries/edit.xhtml?faces-redirect=true&id=" + id;
        }
        return null;
    }

    /**
     * Creates or updates the draft from the form; false (with every problem shown) when it cannot. A read-only
     * delivery is left as it is (true). For the page's other beans, which save before they act.
     */
    public boolean persist() {
        if (isReadOnly()) {
            return true;
        }
        try {
            Long campaignId = DeliveryPages.parseId(campaignParam);
            Delivery saved = id != null
                    ? deliveries.update(id, form.toContent(channel))
                    : campaignId != null
                            ? campaigns.createDelivery(campaignId, channel, form.toContent(channel))
                            : deliveries.create(channel, form.toContent(channel));
            id = saved.getId();
            status = saved.getStatus();
            return true;
        } catch (DeliveryException e) {
            DeliveryUi.show(null, e);
            return false;
        } catch (CampaignException e) {
            e.problems().forEach(p -> Messages.error(null, Messages.textOr(p.code(), p.english())));
            return false;
        }
    }

    /**
     * The personalisation fields a marketer may write, as they are written. A text message has the
     * recipient's fields only: its tracked link {@code {{link}}} is not available yet (see ContentCheck).
     */
    public List<String> getVariables() {
        List<String> variables = isSms() ? Personalization.RECIPIENT_VARIABLES : Personalization.VARIABLES;
        return variables.stream().map(v -> "{{" + v + "}}").toList();
    }

    public Channel getChannel() {
        return channel;
    }

    /** A text message: sender id and text instead of the email's addresses, subject and bodies. */
    public boolean isSms() {
        return channel == Channel.SMS;
    }

    public boolean isNew() {
        return id == null;
    }

    /** A delivery that is sending, sent or cancelled can no longer change. */
    public boolean isReadOnly() {
        return status != null && status != DeliveryStatus.DRAFT;
    }

    public Long getId() {
        return id;
    }

    /** The view parameter, as typed in the address: a wrong one shows the not-found page. */
    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    /** The campaign a new delivery is made in ({@code ?campaign=}), attached on its first save. */
    public String getCampaignParam() {
        return campaignParam;
    }

    public void setCampaignParam(String campaignParam) {
        this.campaignParam = campaignParam;
    }

    /** The channel of a new delivery, as typed in the address ({@code SMS}; anything else is an email). */
    public String getChannelParam() {
        return channelParam;
    }

    public void setChannelParam(String channelParam) {
        this.channelParam = channelParam;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public DeliveryForm getForm() {
        return form;
    }
}
