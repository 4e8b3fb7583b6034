package io.crosscast.web.sandbox;

import io.crosscast.sandbox.OutboxSms;
import io.crosscast.sandbox.SandboxStatus;
import io.crosscast.sandbox.SmsOutboxService;
import io.crosscast.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backing bean of the "Text messages" tab of outbox/index.xhtml ({@code ?tab=sms}): what the SMPP sandbox
 * received, newest first, with the state of each delivery receipt; clearing; and a simulated reply from a
 * phone (STOP by default), prefilled from the selected message or the latest one.
 */
@Named
@ViewScoped
public class SmsOutboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The value of the {@code tab} parameter that shows the text messages. */
    public static final String TAB = "sms";

    @EJB
    private SmsOutboxService outbox;

    private String tab;
    private SandboxStatus status;
    private OutboxSms selected;
    private String replyFrom;
    private String replyTo;
    private String replyText = SmsOutboxService.DEFAULT_REPLY;
    private final LazyDataModel<OutboxSms> texts = new TextsModel();

    @PostConstruct
    void load() {
        status = outbox.status();
        List<OutboxSms> latest = outbox.list(0, 1);
        if (!latest.isEmpty()) {
            answer(latest.get(0));
        }
    }

    /** Whether the page shows the text messages rather than the emails. */
    public boolean isShown() {
        return TAB.equals(tab);
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    /** Called by the refresh button and the poll: the table re-reads its page when it is rendered. */
    public void refresh() {
        status = outbox.status();
    }

    /** A row was selected: the reply form answers it. */
    public void select() {
        if (selected != null) {
            answer(selected);
        }
    }

    private void answer(OutboxSms sms) {
        replyFrom = sms.to();
        replyTo = sms.from();
    }

    public void clear() {
        int removed = outbox.clear();
        selected = null;
        Messages.info("outbox.sms.cleared", removed);
    }

    /** Sends the simulated reply to the application's receiving sessions. */
    public void reply() {
        int sessions = outbox.reply(replyFrom, replyTo, replyText);
        if (sessions == 0) {
            Messages.error(null, Messages.text("outbox.sms.replyNobody"));
        } else {
            Messages.info("outbox.sms.replied", replyFrom, replyTo, sessions);
        }
    }

    /** When {@code sms} arrived, in the viewer's language and the server's time zone. */
    public String received(OutboxSms sms) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .withZone(ZoneId.systemDefault())
                .format(sms.receivedAt());
    }

    /** What became of the receipt of {@code sms}, in words. */
    public String receipt(OutboxSms sms) {
        return Messages.text("outbox.sms.receipt." + sms.receipt().name());
    }

    /** Why the sandbox, though on, does not run (the page shows it only then). */
    public String getUnavailableText() {
        return Messages.text("outbox.sms.unavailable", status.address(), String.valueOf(status.problem()));
    }

    /** The receipt delay in seconds, for the status line. */
    public String getReceiptDelay() {
        long millis = outbox.receiptDelay().toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }

    public SandboxStatus getStatus() {
        return status;
    }

    public LazyDataModel<OutboxSms> getTexts() {
        return texts;
    }

    public OutboxSms getSelected() {
        return selected;
    }

    public void setSelected(OutboxSms selected) {
        this.selected = selected;
    }

    public String getReplyFrom() {
        return replyFrom;
    }

    public void setReplyFrom(String replyFrom) {
        this.replyFrom = replyFrom;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getReplyText() {
        return replyText;
    }

    public void setReplyText(String replyText) {
        this.replyText = replyText;
    }

    /** The received text messages, paged by the outbox, newest first (no sorting or filtering). */
    private class TextsModel extends LazyDataModel<OutboxSms> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, outbox.count());
        }

        @Override
        public List<OutboxSms> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return outbox.list(first, pageSize);
        }

        @Override
        public String getRowKey(OutboxSms sms) {
            return String.valueOf(sms.id());
        }

        @Override
        public OutboxSms getRowData(String rowKey) {
            try {
                return outbox.find(Long.parseLong(rowKey)).orElse(null);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
