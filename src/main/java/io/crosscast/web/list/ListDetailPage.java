package io.crosscast.web.list;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.list.ListException;
import io.crosscast.list.ListService;
import io.crosscast.list.RecipientList;
import io.crosscast.web.Messages;
import io.crosscast.web.condition.ConditionBuilder;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backing bean of lists/detail.xhtml: a list's name and members; add, replace or remove members by a
 * condition, or remove selected members.
 */
@Named
@ViewScoped
public class ListDetailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ListService lists;

    @EJB
    private RecipientService recipients;

    private Long id;
    private String name;
    private String description;
    private ConditionBuilder builder;
    private List<Recipient> selected = new ArrayList<>();
    private final LazyDataModel<Recipient> members = new MembersModel();

    public void load() throws IOException {
        RecipientList list = id == null ? null : lists.find(id).orElse(null);
        if (list == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such list");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        name = list.getName();
        description = list.getDescription();
        if (builder == null) {
            builder = new ConditionBuilder(condition -> recipients.count(condition));
            builder.refresh();
        }
    }

    public void save() {
        try {
            lists.rename(id, name, description);
            Messages.info("list.saved");
        } catch (ListException e) {
            Messages.error("listForm:name", Messages.text(e.code()));
        }
    }

    public void addMatching() {
        run(() -> Messages.info("list.added", lists.addMatching(id, builder.toCondition())));
    }

    public void replaceWithMatching() {
        run(() -> Messages.info("list.replaced", lists.replaceWithMatching(id, builder.toCondition())));
    }

    public void removeMatching() {
        run(() -> Messages.info("list.removed", lists.removeMatching(id, builder.toCondition())));
    }

    public void removeSelected() {
        run(() -> Messages.info(
                "list.removed",
                lists.removeMembers(id, selected.stream().map(Recipient::getId).toList())));
        selected = new ArrayList<>();
    }

    private void run(Runnable change) {
        try {
            change.run();
        } catch (InvalidConditionException e) {
            ConditionBuilder.show(e);
        } catch (ListException e) {
            Messages.error(null, Messages.text(e.code()));
        }
    }

    public long getMemberCount() {
        return lists.memberCount(id);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public ConditionBuilder getBuilder() {
        return builder;
    }

    public LazyDataModel<Recipient> getMembers() {
        return members;
    }

    public List<Recipient> getSelected() {
        return selected;
    }

    public void setSelected(List<Recipient> selected) {
        this.selected = selected;
    }

    /** The members, paged by the database. */
    private class MembersModel extends LazyDataModel<Recipient> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, lists.memberCount(id));
        }

        @Override
        public List<Recipient> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return lists.members(id, first, pageSize);
        }

        @Override
        public String getRowKey(Recipient recipient) {
            return String.valueOf(recipient.getId());
        }

        @Override
        public Recipient getRowData(String rowKey) {
            return recipients.find(Long.parseLong(rowKey)).orElse(null);
        }
    }
}
