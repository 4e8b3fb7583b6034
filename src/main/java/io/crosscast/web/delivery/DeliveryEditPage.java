package io.crosscast.web.delivery;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignService;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryProofs;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.ProofAddresses;
import io.crosscast.delivery.SmsPreview;
import io.crosscast.content.Personalization;
import io.crosscast.content.RenderedEmail;
import io.crosscast.delivery.sms.SmsLength;
import io.crosscast.web.Messages;
import io.crosscast.web.condition.ConditionBuilder;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.primefaces.PrimeFaces;

/**
 * Backing bean of deliveries/edit.xhtml: write a delivery ({@code ?id=}; none for a new one, an email unless
 * {@code ?channel=SMS}), preview it for a recipient, send proofs (email), and send it to the recipients of a
 * condition. A delivery that is no longer a draft is shown read only (preview and proofs still work).
 *
 * <p>A text message has a sender id (the content's sender name) and a text (its text body), counted as the
 * marketer types by {@link SmsCounter}, the same count the sending uses; its preview is the text rendered
 * for a recipient with that recipient's own length.
 */
@Named
@ViewScoped
public class DeliveryEditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private DeliveryProofs proofs;

    @EJB
    private RecipientService recipients;

    @EJB
    private CampaignService campaigns;

    private Long id;
    private String idParam;
    private String channelParam;
    private String campaignParam;
    private Channel channel = Channel.EMAIL;
    private DeliveryStatus status;
    private DeliveryForm form = new DeliveryForm();
    private BodyMode mode = BodyMode.RICH;
    private BodyMode requestedMode;
    private String previewEmail;
    private Preview preview;
    private SmsPreview smsPreview;
    private String proofAddresses;
    private ConditionBuilder builder;

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
        mode = EditorHtml.isFullEmail(form.getHtmlBody()) ? BodyMode.SOURCE : BodyMode.RICH;
        if (builder == null) {
            builder = new ConditionBuilder(condition -> recipients.count(condition));
            builder.refresh();
        }
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

    /** Creates or updates the draft from the form; false (with every problem shown) when it cannot. */
    private boolean persist() {
        if (isReadOnly()) {
            return true;
        }
        try {
            Long campaignId = DeliveryPages.parseId(campaignParam);
            Delivery saved = id != null ? deliveries.update(id, form.toContent(channel))
                    : campaignId != null ? campaigns.createDelivery(campaignId, channel, form.toContent(channel))
                    : deliveries.create(channel, form.toContent(channel));
            id = saved.getId();
            status = saved.getStatus();
            return true;
        } catch (DeliveryException e) {
            show(e);
            return false;
        } catch (CampaignException e) {
            e.problems().forEach(p -> Messages.error(null, Messages.textOr(p.code(), p.english())));
            return false;
        }
    }

    /** Applies the body mode chosen with the toggle, after the shown input's value reached the form. */
    public void applyMode() {
        if (requestedMode == null) {
            return;
        }
        if (requestedMode == BodyMode.RICH && mode == BodyMode.SOURCE && EditorHtml.isFullEmail(form.getHtmlBody())) {
            // The editor would drop the layout of a full email: a misclick must not lose it.
            Messages.error(null, Messages.text("delivery.mode.keepSource"));
        } else {
            mode = requestedMode;
        }
        requestedMode = null;
    }

    /** Saves a draft, then renders it for the recipient whose address is typed (none: fields empty). */
    public void preview() {
        if (!persist()) {
            return;
        }
        Long recipientId = previewRecipientId();
        if (recipientId == null) {
            return;
        }
        if (isSms()) {
            previewSms(recipientId);
            return;
        }
        try {
            RenderedEmail email = proofs.preview(id, recipientId);
            preview = new Preview(email.subject(), email.html(), email.text());
        } catch (DeliveryException e) {
            preview = null;
            show(e);
        }
    }

    /** The text for the recipient, with its own length (personalisation changes it). */
    private void previewSms(long recipientId) {
        smsPreview = null;
        if (form.getTextBody() == null || form.getTextBody().isBlank()) {
            Messages.error(null, Messages.text("delivery.preview.noText"));
            return;
        }
        try {
            smsPreview = proofs.previewSms(id, recipientId);
        } catch (DeliveryException e) {
            show(e);
        }
    }

    /** Saves a draft, then mails it as a proof, rendered for the preview's recipient, to the typed addresses. */
    public void sendProof() {
        if (isSms()) {
            return;
        }
        List<String> addresses = ProofAddresses.split(proofAddresses);
        List<String> invalid = ProofAddresses.invalid(addresses);
        if (addresses.isEmpty()) {
            Messages.error("deliveryForm:proofAddresses", Messages.text("delivery.proof.noAddress"));
            return;
        }
        if (!invalid.isEmpty()) {
            Messages.error("deliveryForm:proofAddresses",
                    Messages.text("delivery.proof.badAddresses", String.join(", ", invalid)));
            return;
        }
        if (ProofAddresses.distinct(addresses).size() > ProofAddresses.MAX) {
            Messages.error("deliveryForm:proofAddresses", Messages.text("delivery.proof.tooMany", ProofAddresses.MAX));
            return;
        }
        if (!persist()) {
            return;
        }
        Long recipientId = previewRecipientId();
        if (recipientId == null) {
            return;
        }
        try {
            int sent = proofs.proof(id, recipientId, addresses);
            Messages.info("delivery.proof.sent", sent);
        } catch (DeliveryException e) {
            show(e);
        }
    }

    /** Saves the draft before the send dialog opens (the dialog opens only if it was saved). */
    public void prepareSend() {
        if (persist()) {
            builder.refresh();
            PrimeFaces.current().ajax().addCallbackParam("ready", true);
        }
    }

    /** Sends the delivery to the recipients of the dialog's condition, then opens its report. */
    public String send() {
        try {
            deliveries.sendToCondition(id, builder.toCondition());
        } catch (InvalidConditionException e) {
            builder.refresh();
            ConditionBuilder.show(e);
            return null;
        } catch (DeliveryException e) {
            show(e);
            return null;
        }
        Messages.info("delivery.sending");
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/deliveries/report.xhtml?faces-redirect=true&id=" + id;
    }

    /** Addresses of recipients starting with what is typed, for the preview's recipient field. */
    public List<String> completeEmail(String query) {
        if (query == null || query.strip().length() < 2) {
            return List.of();
        }
        try {
            return recipients.page(new Rule("email", Operator.STARTS_WITH, List.of(query.strip())), "email", true, 0, 10)
                    .stream().map(Recipient::getEmail).filter(Objects::nonNull).toList();
        } catch (InvalidConditionException e) {
            return List.of();
        }
    }

    /** The recipient of the typed address: 0 when none is typed, null (with a message) when nobody has it. */
    private Long previewRecipientId() {
        if (previewEmail == null || previewEmail.isBlank()) {
            return 0L;
        }
        List<Recipient> found;
        try {
            found = recipients.page(new Rule("email", Operator.EQUALS, List.of(previewEmail.strip())), "id", true, 0, 1);
        } catch (InvalidConditionException e) {
            found = List.of();
        }
        if (found.isEmpty()) {
            Messages.error("deliveryForm:previewRecipient", Messages.text("delivery.preview.noRecipient", previewEmail.strip()));
            return null;
        }
        return found.get(0).getId();
    }

    /** Every problem of a refused request, in the viewer's language, beside the form and in the growl. */
    private static void show(DeliveryException e) {
        DeliveryUi.show(null, e);
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

    /** The text as typed, measured as the sending measures it (personalisation fields as written). */
    public SmsLength getSmsLength() {
        return SmsCounter.measure(form.getTextBody());
    }

    /** "GSM-7 · 87 characters · 1 part", in the viewer's language. */
    public String getSmsCounter() {
        return SmsCounter.describe(getSmsLength(), Messages.bundle());
    }

    /** What still fits before one more part. */
    public String getSmsLeft() {
        return SmsCounter.left(getSmsLength(), Messages.bundle());
    }

    public SmsPreview getSmsPreview() {
        return smsPreview;
    }

    /** The previewed text's own encoding, length and parts. */
    public String getSmsPreviewCounter() {
        return smsPreview == null ? "" : SmsCounter.describe(smsPreview.length(), Messages.bundle());
    }

    public boolean isNew() {
        return id == null;
    }

    /** A delivery that is sending, sent or cancelled can no longer change. */
    public boolean isReadOnly() {
        return status != null && status != DeliveryStatus.DRAFT;
    }

    public boolean isRich() {
        return mode == BodyMode.RICH && !isReadOnly();
    }

    public BodyMode[] getModes() {
        return BodyMode.values();
    }

    public BodyMode getMode() {
        return mode;
    }

    /** Kept until {@link #applyMode()}, so the input shown when the form was posted still updates the body. */
    public void setMode(BodyMode mode) {
        this.requestedMode = mode;
    }

    /** The HTML body as the rich editor shows it (cleaned). */
    public String getRichBody() {
        return EditorHtml.forEditor(form.getHtmlBody());
    }

    public void setRichBody(String html) {
        form.setHtmlBody(EditorHtml.fromEditor(html));
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

    /** The channel of a new delivery, as typed in the address ({@code SMS}; anything else is an email). */
    /** The campaign a new delivery is made in ({@code ?campaign=}), attached on its first save. */
    public String getCampaignParam() {
        return campaignParam;
    }

    public void setCampaignParam(String campaignParam) {
        this.campaignParam = campaignParam;
    }

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

    public ConditionBuilder getBuilder() {
        return builder;
    }

    public String getPreviewEmail() {
        return previewEmail;
    }

    public void setPreviewEmail(String previewEmail) {
        this.previewEmail = previewEmail;
    }

    public Preview getPreview() {
        return preview;
    }

    public String getProofAddresses() {
        return proofAddresses;
    }

    public void setProofAddresses(String proofAddresses) {
        this.proofAddresses = proofAddresses;
    }

    public int getMaxProofAddresses() {
        return ProofAddresses.MAX;
    }

    /** A rendered email kept by the view. */
    public static final class Preview implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String subject;
        private final String html;
        private final String text;

        Preview(String subject, String html, String text) {
            this.subject = subject;
            this.html = html;
            this.text = text;
        }

        public String getSubject() {
            return subject;
        }

        public String getHtml() {
            return html;
        }

        public String getText() {
            return text;
        }
    }
}
