package io.crosscast.web.delivery;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import java.io.Serializable;

/** What the edit page's form holds of a delivery. */
public class DeliveryForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String label;
    private String senderName;
    private String senderAddress;
    private String replyTo;
    private String subject;
    private String htmlBody;
    private String textBody;

    public static DeliveryForm of(Delivery delivery) {
        DeliveryForm form = new DeliveryForm();
        form.label = delivery.getLabel();
        form.senderName = delivery.getSenderName();
        form.senderAddress = delivery.getSenderAddress();
        form.replyTo = delivery.getReplyTo();
        form.subject = delivery.getSubject();
        form.htmlBody = delivery.getHtmlBody();
        form.textBody = delivery.getTextBody();
        return form;
    }

    public DeliveryContent toContent() {
        return new DeliveryContent(label, senderName, senderAddress, replyTo, subject, htmlBody, textBody);
    }

    /**
     * The content of a delivery of {@code channel}: a text message keeps its label, sender id (sender name)
     * and text (text body) only, whatever else the form holds.
     */
    public DeliveryContent toContent(Channel channel) {
        return channel == Channel.SMS
                ? new DeliveryContent(label, senderName, null, null, null, null, textBody)
                : toContent();
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getSenderAddress() {
        return senderAddress;
    }

    public void setSenderAddress(String senderAddress) {
        this.senderAddress = senderAddress;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public void setHtmlBody(String htmlBody) {
        this.htmlBody = htmlBody;
    }

    public String getTextBody() {
        return textBody;
    }

    public void setTextBody(String textBody) {
        this.textBody = textBody;
    }
}
