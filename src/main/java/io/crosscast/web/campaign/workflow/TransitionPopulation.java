package io.crosscast.web.campaign.workflow;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientPage;
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
import java.util.Optional;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The dialog of one transition in the workflow editor ({@link WorkflowEditor}): its count and the recipients it
 * carried in the newest run, a page at a time, and its removal.
 */
@Named
@ViewScoped
public class TransitionPopulation implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private WorkflowService workflows;

    @Inject
    private EditorState state;

    @Inject
    private DiagramEditor canvas;

    @Inject
    private RunGrid grid;

    private String transitionId;
    private LazyDataModel<Recipient> population;

    /** Opens the transition named by the request parameter {@code transition} (its id or its index). */
    public void openTransition() {
        String param = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("transition");
        showTransition(param);
    }

    public void showTransition(String idOrIndex) {
        DiagramDraft draft = state.getDraft();
        if (draft == null || idOrIndex == null) {
            return;
        }
        List<DiagramDraft.Arrow> arrows = draft.getArrows();
        String id = idOrIndex;
        if (idOrIndex.matches("\\d{1,4}") && Integer.parseInt(idOrIndex) < arrows.size()) {
            id = arrows.get(Integer.parseInt(idOrIndex)).id();
        }
        String chosen = id;
        if (arrows.stream().noneMatch(a -> a.id().equals(chosen))) {
            return;
        }
        transitionId = id;
        population = new PopulationModel();
        PrimeFaces.current().executeScript("PF('transitionDialog').show()");
    }

    /** Removes the transition of the open dialog. */
    public void removeTransition() {
        Optional<DiagramDraft.Arrow> arrow = selectedArrow();
        if (arrow.isEmpty() || !state.isEditable()) {
            return;
        }
        if (canvas.edit(() -> state.getDraft()
                .disconnect(
                        arrow.get().from(), arrow.get().output(), arrow.get().to()))) {
            PrimeFaces.current().executeScript("PF('transitionDialog').hide()");
        }
    }

    private Optional<DiagramDraft.Arrow> selectedArrow() {
        DiagramDraft draft = state.getDraft();
        return draft == null || transitionId == null
                ? Optional.empty()
                : draft.getArrows().stream()
                        .filter(a -> a.id().equals(transitionId))
                        .findFirst();
    }

    public RunGrid.TransitionRow getTransition() {
        return grid.getTransitions().stream()
                .filter(t -> t.id().equals(transitionId))
                .findFirst()
                .orElse(null);
    }

    public LazyDataModel<Recipient> getPopulation() {
        return population;
    }

    /** The recipients the selected transition carried in the newest run, a page at a time. */
    private final class PopulationModel extends LazyDataModel<Recipient> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, page(0, 1).total());
        }

        @Override
        public List<Recipient> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return page(first, pageSize).items();
        }

        private RecipientPage page(int first, int size) {
            RunView run = state.getRun();
            if (run == null || transitionId == null) {
                return new RecipientPage(0, List.of());
            }
            try {
                return workflows.transitionPopulation(run.runId(), transitionId, first, size);
            } catch (WorkflowException e) {
                return new RecipientPage(0, List.of());
            }
        }

        @Override
        public String getRowKey(Recipient recipient) {
            return String.valueOf(recipient.getId());
        }

        @Override
        public Recipient getRowData(String rowKey) {
            return null;
        }
    }
}
