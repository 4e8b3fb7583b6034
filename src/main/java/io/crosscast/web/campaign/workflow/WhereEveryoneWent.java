package io.crosscast.web.campaign.workflow;

import io.crosscast.web.Messages;
import io.crosscast.workflow.LeftBehind;
import io.crosscast.workflow.RecipientPath;
import io.crosscast.workflow.RunFlow;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Where everyone went in the newest run (issue #15), in the workflow editor ({@link WorkflowEditor}): under each
 * done box, how many it did not pass on (a delivery: excluded; a Split: in no subset), a click listing them with
 * why; and the search of a recipient by email that shows their path through the run.
 */
@Named
@ViewScoped
public class WhereEveryoneWent implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private WorkflowService workflows;

    @Inject
    private EditorState state;

    /** The flow of the run as it was when {@link #flowKey} was read: read again when the run moved. */
    private RunFlow flow;

    private String flowKey;
    private String activityId;
    private LazyDataModel<LeftBehind> leftBehind;
    private String email;
    private List<RecipientPath> paths;
    private Long pathRecipient;

    /** The run's flow, read again only when its status or its done activities changed. */
    public RunFlow getFlow() {
        RunView run = state.getRun();
        if (run == null) {
            return null;
        }
        String key = run.runId() + ":" + run.status() + ":"
                + run.activities().entrySet().stream()
                        .filter(e -> "DONE".equals(e.getValue().phase()))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.joining(","));
        if (!key.equals(flowKey)) {
            try {
                flow = workflows.flow(run.runId());
            } catch (WorkflowException e) {
                flow = null;
            }
            flowKey = key;
        }
        return flow;
    }

    private RunFlow.ActivityFlow activity(String id) {
        RunFlow f = getFlow();
        return f == null || id == null ? null : f.activities().get(id);
    }

    /** What a box says under it: "39 excluded", "39 in no subset", "3 not passed on", "purged"; null: nothing. */
    public String badge(String id) {
        RunFlow.ActivityFlow a = activity(id);
        if (a == null) {
            return null;
        }
        if (!a.delivery() && a.left() == null) {
            return getFlow().purged() ? Messages.text("flow.purged") : null;
        }
        long missing = a.missing();
        return missing == 0 ? null : Messages.text(kindKey(a), missing);
    }

    private static String kindKey(RunFlow.ActivityFlow a) {
        return a.delivery() ? "flow.excluded" : "split".equals(a.type()) ? "flow.inNoSubset" : "flow.notPassedOn";
    }

    /** "Received 1,428 · passed on 1,389" for the activities table; empty when not done. */
    public String figures(String id) {
        RunFlow.ActivityFlow a = activity(id);
        if (a == null) {
            return "";
        }
        // A Query receives only the Start's signal: what it found is what it passed on.
        return a.received() == 0 && "query".equals(a.type())
                ? Messages.text("flow.passedOnOnly", a.passedOn())
                : Messages.text("flow.figures", a.received(), a.passedOn());
    }

    /** Opens the list of the box named by the request parameter {@code activity}. */
    public void open() {
        showActivity(FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("activity"));
    }

    public void showActivity(String id) {
        if (activity(id) == null) {
            return;
        }
        activityId = id;
        leftBehind = new LeftBehindModel();
        PrimeFaces.current().executeScript("PF('leftBehindDialog').show()");
    }

    /** The title of the open list: the box's label and what it lists. */
    public String getTitle() {
        RunFlow.ActivityFlow a = activity(activityId);
        return a == null ? "" : state.boxLabel(activityId) + " · " + Messages.text(kindKey(a), a.missing());
    }

    /** A delivery's exclusions by reason ("Opted out: 39 · Address quarantined: 2"); empty for other boxes. */
    public String getReasons() {
        RunFlow.ActivityFlow a = activity(activityId);
        if (a == null || !a.delivery()) {
            return "";
        }
        return a.excluded().entrySet().stream()
                .map(e -> reason(e.getKey()) + ": " + Messages.text("flow.number", e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    public String getFigures() {
        return figures(activityId);
    }

    /** Why a recipient was not passed on, in the viewer's language. */
    public String reason(String code) {
        if (code == null) {
            return "";
        }
        RunFlow.ActivityFlow a = activity(activityId);
        if (a != null && a.delivery()) {
            String prefix = "smsDelivery".equals(a.type()) ? "exclusion.SMS." : "exclusion.";
            return Messages.textOr(prefix + code, code);
        }
        return Messages.textOr("flow.reason." + code, code);
    }

    public LazyDataModel<LeftBehind> getLeftBehind() {
        return leftBehind;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** The run's search by email: the path of that recipient through the run, in a dialog. */
    public void findPath() {
        RunView run = state.getRun();
        paths = null;
        pathRecipient = null;
        if (run == null) {
            return;
        }
        var id = workflows.recipientByEmail(email);
        if (id.isEmpty()) {
            Messages.error(null, Messages.text("flow.noSuchRecipient", email == null ? "" : email.strip()));
            return;
        }
        pathRecipient = id.get();
        paths = workflows.recipientPath(id.get(), run.runId());
        PrimeFaces.current().executeScript("PF('pathDialog').show()");
    }

    public List<RecipientPath> getPaths() {
        return paths;
    }

    public Long getPathRecipient() {
        return pathRecipient;
    }

    /** The recipients the open box did not pass on, a page at a time. */
    private final class LeftBehindModel extends LazyDataModel<LeftBehind> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, page(0, 1).total());
        }

        @Override
        public List<LeftBehind> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return page(first, pageSize).items();
        }

        private LeftBehind.Page page(int first, int size) {
            RunView run = state.getRun();
            if (run == null || activityId == null) {
                return new LeftBehind.Page(0, List.of());
            }
            try {
                return workflows.leftBehind(run.runId(), activityId, first, size);
            } catch (WorkflowException e) {
                return new LeftBehind.Page(0, List.of());
            }
        }

        @Override
        public String getRowKey(LeftBehind row) {
            return String.valueOf(row.recipientId());
        }

        @Override
        public LeftBehind getRowData(String rowKey) {
            return null;
        }
    }
}
