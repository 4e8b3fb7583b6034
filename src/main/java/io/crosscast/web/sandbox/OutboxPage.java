package io.crosscast.web.sandbox;

import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.sandbox.SandboxStatus;
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
 * Backing bean of outbox/index.xhtml: what the SMTP sandbox received, newest first; one message opened
 * (preview frame, headers, text part); clearing.
 */
@Named
@ViewScoped
public class OutboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private OutboxService outbox;

    private SandboxStatus status;
    private OutboxMessage selected;
    private MessageContent content;
    private final LazyDataModel<OutboxMessage> messages = new MessagesModel();

    @PostConstruct
    void load() {
        status = outbox.status();
    }

    /** Called by the refresh button and the poll: the table re-reads its page when it is rendered. */
    public void refresh() {
        status = outbox.status();
    }

    /** Opens the selected message, or says it is gone (cleared, or pushed out by newer ones). */
    public void open() {
        content = selected == null ? null : outbox.read(selected.id()).orElse(null);
        if (selected != null && content == null) {
            Messages.error(null, Messages.text("outbox.gone"));
        }
    }

    public void clear() {
        int removed = outbox.clear();
        selected = null;
        content = null;
        Messages.info("outbox.cleared", removed);
    }

    /** When {@code message} arrived, in the viewer's language and the server's time zone. */
    public String received(OutboxMessage message) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .withZone(ZoneId.systemDefault())
                .format(message.receivedAt());
    }

    /** Why the sandbox, though on, does not run (the page shows it only then). */
    public String getUnavailableText() {
        return Messages.text("outbox.unavailable", status.address(), String.valueOf(status.problem()));
    }

    /** The address of the preview frame of the opened message, below the application's path. */
    public String getPreviewPath() {
        return content == null
                ? ""
                : OutboxMessageServlet.PATH + "?id=" + content.message().id();
    }

    public SandboxStatus getStatus() {
        return status;
    }

    public LazyDataModel<OutboxMessage> getMessages() {
        return messages;
    }

    public OutboxMessage getSelected() {
        return selected;
    }

    public void setSelected(OutboxMessage selected) {
        this.selected = selected;
    }

    public MessageContent getContent() {
        return content;
    }

    /** The received messages, paged by the outbox, newest first (no sorting or filtering). */
    private class MessagesModel extends LazyDataModel<OutboxMessage> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, outbox.count());
        }

        @Override
        public List<OutboxMessage> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return outbox.list(first, pageSize);
        }

        @Override
        public String getRowKey(OutboxMessage message) {
            return String.valueOf(message.id());
        }

        @Override
        public OutboxMessage getRowData(String rowKey) {
            return OutboxMessageServlet.id(rowKey).flatMap(outbox::find).orElse(null);
        }
    }
}
