package io.crosscast.web.campaign.workflow;

import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.web.Messages;
import io.crosscast.web.condition.ConditionBuilder;
import io.crosscast.workflow.AbTestConfirmation;
import io.crosscast.workflow.AbTestProposal;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowProblems;
import io.crosscast.workflow.WorkflowService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * The properties dialog of an activity in the workflow editor ({@link WorkflowEditor}): its settings
 * ({@link ActivityForm}, saved only when valid), the condition builder of a Query or of a Split's selected
 * subset, the next activity of each output ({@link NextActivities}), the activity's state in the newest run
 * (restart from it when it failed), and its removal. The deliveries of a delivery activity are
 * {@link NewDeliveryForm}'s.
 */
@Named
@ViewScoped
public class ActivityProperties implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The key of the dialog's messages ({@code p:messages forType="key"}). */
    static final String DIALOG = "activityDialog";

    @EJB
    private WorkflowService workflows;

    @EJB
    private RecipientService recipients;

    @Inject
    private EditorState state;

    @Inject
    private DiagramEditor canvas;

    @Inject
    private RunControl runControl;

    @Inject
    private NewDeliveryForm newDelivery;

    private ConditionBuilder builder;
    private NextActivities next = new NextActivities();
    /** The open A/B test's proposal in the newest run, when it waits for a confirmation; loaded when opened. */
    private AbTestProposal proposal;

    private Integer chosenVariant;

    @PostConstruct
    void init() {
        builder = new ConditionBuilder(condition -> recipients.count(condition), true);
    }

    private DiagramDraft draft() {
        return state.getDraft();
    }

    public ActivityForm getForm() {
        return state.getForm();
    }

    /** Opens the dialog of the activity named by the request parameter {@code activity}. */
    public void open() {
        String id = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("activity");
        openActivity(id);
    }

    public void openActivity(String id) {
        Optional<DiagramDraft.Box> box = draft() == null || id == null ? Optional.empty() : draft().box(id);
        if (box.isEmpty()) {
            return;
        }
        DiagramDraft.Box b = box.get();
        state.setForm(new ActivityForm(b.getId(), b.getType(), b.getLabel(), b.getConfig()));
        newDelivery.reset();
        next = new NextActivities(draft(), b, canvas.outputs(b));
        loadBuilder();
        loadProposal();
        PrimeFaces.current().executeScript("PF('activityDialog').show()");
    }

    private void loadBuilder() {
        ActivityForm form = getForm();
        if (form == null || !form.hasConditionBuilder()) {
            return;
        }
        String json = form.focusedCondition();
        builder.setEnrichmentFields(UpstreamEnrichment.fields(draft(), form.getId()));
        try {
            builder.load(json == null ? null : ConditionJson.fromJson(json));
        } catch (InvalidConditionException e) {
            builder.load(null);
            Messages.error(DIALOG, Messages.text(WorkflowProblems.of(e)));
        }
    }

    /** Copies what the builder shows into the form (the Query's condition, or the selected subset's). */
    private void storeBuilder() {
        ActivityForm form = getForm();
        if (form != null && form.hasConditionBuilder()) {
            form.setFocusedCondition(builder.isEmpty() ? null : ConditionJson.toJson(builder.condition()));
        }
    }

    public void selectSubset(int index) {
        storeBuilder();
        getForm().getSplit().setSelectedSubset(index);
        loadBuilder();
    }

    public void addSubset() {
        storeBuilder();
        getForm().getSplit().addSubset();
        loadBuilder();
    }

    public void removeSubset(int index) {
        storeBuilder();
        getForm().getSplit().removeSubset(index);
        loadBuilder();
    }

    public void moveSubsetUp(int index) {
        storeBuilder();
        getForm().getSplit().moveSubsetUp(index);
        loadBuilder();
    }

    /** Saves the dialog when the activity's settings are valid; otherwise shows why and keeps it open. */
    public void saveActivity() {
        ActivityForm form = getForm();
        if (form == null || !state.isEditable()) {
            return;
        }
        storeBuilder();
        Map<String, String> config = form.toConfig();
        List<String> problems =
                new ArrayList<>(builder.isEmpty() || !form.hasConditionBuilder() ? List.of() : builder.getProblems());
        workflows
                .activityProblems(new ActivityDefinition(form.getId(), form.getType(), form.getLabel(), config))
                .stream()
                .map(Messages::text)
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            problems.stream().distinct().forEach(p -> Messages.error(DIALOG, p));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        String before = draft().toJson();
        canvas.edit(() -> {
            draft().update(form.getId(), form.getLabel(), config, canvas::outputs);
            next.connect(
                    draft(),
                    form.getId(),
                    draft().box(form.getId()).map(canvas::outputs).orElse(List.of()),
                    form.getSplit()::outputBefore);
            return !before.equals(draft().toJson());
        });
        Messages.info(
                "workflow.activitySaved",
                form.getLabel() == null || form.getLabel().isBlank()
                        ? state.typeLabel(form.getType())
                        : form.getLabel());
        PrimeFaces.current().executeScript("PF('activityDialog').hide()");
    }

    public List<OutputTarget> getOutputTargets() {
        return next.targets();
    }

    /** The activities an output of the dialog's activity may lead to: every other one that takes inputs. */
    public List<DiagramDraft.Box> getTargets() {
        ActivityForm form = getForm();
        return form == null
                ? List.of()
                : draft().getBoxes().stream()
                        .filter(b -> !b.getId().equals(form.getId()) && !"start".equals(b.getType()))
                        .toList();
    }

    /** The incoming transitions of the dialog's activity (an Exclusion's main set is one of them). */
    public List<DiagramDraft.Arrow> getIncoming() {
        ActivityForm form = getForm();
        return form == null
                ? List.of()
                : draft().getArrows().stream()
                        .filter(a -> a.to().equals(form.getId()))
                        .toList();
    }

    public String arrowLabel(DiagramDraft.Arrow arrow) {
        return state.boxLabel(arrow.from()) + " (" + arrow.output() + ") → " + state.boxLabel(arrow.to());
    }

    /** The state of the activity of the open dialog in the newest run, if any. */
    public RunView.ActivityView getFormState() {
        RunView run = state.getRun();
        return run == null || getForm() == null
                ? null
                : run.activities().get(getForm().getId());
    }

    /** The error of the activity of the open dialog in the newest run, in the viewer's language; null when none. */
    public String getFormError() {
        RunView.ActivityView activity = getFormState();
        return activity == null ? null : WorkflowUi.error(activity);
    }

    /** Runs the activity of the open dialog again, and what follows it. */
    public void restartActivity() {
        if (getForm() == null) {
            return;
        }
        runControl.restartFrom(getForm().getId());
        PrimeFaces.current().executeScript("PF('activityDialog').hide()");
    }

    /** Removes the activity of the open dialog, with its transitions. */
    public void removeActivity() {
        ActivityForm form = getForm();
        if (form == null || !state.isEditable()) {
            return;
        }
        if (canvas.edit(() -> draft().remove(form.getId()))) {
            state.setForm(null);
            PrimeFaces.current().executeScript("PF('activityDialog').hide()");
        }
    }

    public ConditionBuilder getBuilder() {
        return builder;
    }

    /** The sources an Enrichment value may come from. */
    public List<String> getEnrichmentSources() {
        return EnrichmentForm.SOURCES;
    }

    /** The recipient fields an Enrichment value may copy. */
    public List<String> getEnrichmentFields() {
        return EnrichmentForm.FIELDS;
    }

    public List<String> getSchedulerModes() {
        return ActivityForm.SCHEDULER_MODES;
    }

    private void loadProposal() {
        ActivityForm form = getForm();
        RunView run = state.getRun();
        proposal = form == null || run == null || !"abTest".equals(form.getType())
                ? null
                : workflows.abTestProposal(run.runId(), form.getId()).orElse(null);
        chosenVariant = proposal == null ? null : proposal.proposed();
    }

    /** The open A/B test's proposal when it waits for a marketer's confirmation in the newest run; else null. */
    public AbTestProposal getAbTestProposal() {
        return proposal;
    }

    /** What the rule proposes, with when the proposal goes unconfirmed (if ever). */
    public String getAbTestProposalText() {
        if (proposal == null) {
            return null;
        }
        return proposal.deadline() == null
                ? Messages.text("workflow.abTest.proposal", proposal.proposed())
                : Messages.text(
                        "workflow.abTest.proposalUntil",
                        proposal.proposed(),
                        WorkflowUi.time(proposal.deadline().toString(), WorkflowUi.locale()));
    }

    /** A variant as the confirmation lists it: its number, delivery, and figure by the rule. */
    public String variantLabel(AbTestProposal.Variant variant) {
        return Messages.text(
                variant.number() == proposal.proposed() ? "workflow.abTest.variantProposed" : "workflow.abTest.variant",
                variant.number(),
                variant.label(),
                java.text.NumberFormat.getIntegerInstance(WorkflowUi.locale()).format(variant.figure()));
    }

    public Integer getChosenVariant() {
        return chosenVariant;
    }

    public void setChosenVariant(Integer chosenVariant) {
        this.chosenVariant = chosenVariant;
    }

    /** Sends the chosen variant of the open A/B test to the rest (the marketer's confirmation). */
    public void confirmWinner() {
        if (proposal == null || chosenVariant == null) {
            return;
        }
        try {
            AbTestConfirmation done =
                    workflows.confirmAbTestWinner(proposal.runId(), proposal.activityId(), chosenVariant);
            Messages.info("workflow.abTest.confirmed", done.variant());
            proposal = null;
            PrimeFaces.current().executeScript("PF('activityDialog').hide()");
        } catch (WorkflowException e) {
            Messages.error(DIALOG, e.texts().stream().map(Messages::text).collect(Collectors.joining(" ")));
        }
        runControl.refresh();
    }
}
