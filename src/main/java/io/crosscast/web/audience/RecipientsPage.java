package io.crosscast.web.audience;

import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.RecipientExportService;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.list.ListException;
import io.crosscast.list.ListService;
import io.crosscast.web.Messages;
import io.crosscast.web.condition.ConditionBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * Backing bean of recipients/index.xhtml: the grid of recipients with its column filters, the advanced
 * condition built with the condition builder, and adding what the grid shows to a list.
 */
@Named
@ViewScoped
public class RecipientsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RecipientService service;

    @EJB
    private ListService lists;

    @EJB
    private RecipientExportService exporter;

    private RecipientLazyModel recipients;
    private ConditionBuilder builder;
    private Condition advanced;
    private String listName;

    @PostConstruct
    void init() {
        recipients = new RecipientLazyModel(service, () -> advanced);
        builder = new ConditionBuilder(condition -> service.count(condition));
        builder.refresh();
    }

    /** Applies the builder's condition to the grid (under the column filters). */
    public void applyCondition() {
        builder.refresh();
        Condition condition = builder.isEmpty() ? null : builder.toCondition();
        try {
            if (condition != null) {
                service.count(condition);
            }
            advanced = condition;
        } catch (InvalidConditionException e) {
            ConditionBuilder.show(e);
        }
    }

    public void clearCondition() {
        builder.clear();
        advanced = null;
    }

    /** Adds every recipient the grid shows now (all pages) to the list named in the dialog. */
    public void addToList() {
        if (listName == null || listName.isBlank()) {
            Messages.error("recipientsForm:listName", Messages.text("list.nameRequired"));
            return;
        }
        try {
            int added = lists.addMatchingToNamedList(listName.trim(), recipients.currentCondition());
            Messages.info("recipients.addedToList", added, listName.trim());
            listName = null;
            PrimeFaces.current().ajax().addCallbackParam("added", true);
        } catch (ListException e) {
            Messages.error("recipientsForm:listName", Messages.text(e.code()));
        }
    }

    /** Downloads what the grid shows (all pages) as CSV, streamed from the database. */
    public void export() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"recipients.csv\"");
        exporter.exportCsv(recipients.currentCondition(), external.getResponseOutputStream());
        context.responseComplete();
    }

    public RecipientLazyModel getRecipients() {
        return recipients;
    }

    public ConditionBuilder getBuilder() {
        return builder;
    }

    public boolean isConditionApplied() {
        return advanced != null;
    }

    public MembershipStatus[] getStatuses() {
        return MembershipStatus.values();
    }

    public String getListName() {
        return listName;
    }

    public void setListName(String listName) {
        this.listName = listName;
    }
}
