package io.crosscast.workflow;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientPage;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.ConditionValidator;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityRegistry;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.RunState;
import io.crosscast.engine.RunStatus;
import io.crosscast.engine.Text;
import io.crosscast.engine.TransitionState;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.engine.WorkflowRunner;
import io.crosscast.engine.WorkflowValidator;
import io.crosscast.engine.activities.AbTest;
import io.crosscast.engine.activities.ExternalSignalActivity;
import io.crosscast.engine.activities.Types;
import io.crosscast.platform.DatabaseMigration;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.scheduling.SchedulerService;
import io.crosscast.workflow.internal.DbRunLog;
import io.crosscast.workflow.internal.PopulationPurge;
import io.crosscast.workflow.internal.PopulationRetentionJob;
import io.crosscast.workflow.internal.RunAdvancer;
import io.crosscast.workflow.internal.RunFlows;
import io.crosscast.workflow.internal.RunLocks;
import io.crosscast.workflow.internal.RunStateJson;
import io.crosscast.workflow.internal.RunViews;
import io.crosscast.workflow.internal.SimulationScript;
import io.crosscast.workflow.internal.Simulator;
import io.crosscast.workflow.internal.SqlPopulations;
import io.crosscast.workflow.internal.WorkflowFormatException;
import io.crosscast.workflow.internal.WorkflowJson;
import io.crosscast.workflow.internal.WorkflowSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quartz.SchedulerException;

/**
 * Workflows and their runs. Each activity of a run executes in a transaction of its own, holding the run
 * row's lock, and is committed before the next one is picked; a failure marks that activity failed and
 * leaves the rest as it was. Runs move on through Quartz jobs (JDBC job store): right after a start or
 * resume, and when a Wait's time comes, so a waiting run holds no thread and survives a restart.
 */
@Stateless
public class WorkflowService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ActivityRegistry registry;

    @Inject
    private ConditionCompiler compiler;

    @EJB
    private RunAdvancer advancer;

    @EJB
    private DatabaseMigration database;

    @EJB
    private SchedulerService scheduler;

    @Inject
    private Clock clock;

    @EJB
    private io.crosscast.delivery.DeliveryService deliveries;

    @Resource
    private SessionContext session;

    /** Saves a new workflow from its JSON document; refused with every problem when it is not valid. */
    public Workflow create(String name, String json) {
        validate(json);
        Workflow workflow = new Workflow(name, json);
        em.persist(workflow);
        return workflow;
    }

    public Workflow update(long workflowId, String name, String json) {
        validate(json);
        Workflow workflow = workflow(workflowId);
        workflow.change(name, json);
        return workflow;
    }

    public Optional<Workflow> find(long workflowId) {
        return Optional.ofNullable(em.find(Workflow.class, workflowId));
    }

    /** The problems of a workflow document, in the marketer's words, in English (empty when it can run). */
    public List<String> problems(String json) {
        return problemTexts(json).stream().map(Text::english).toList();
    }

    /**
     * The problems of a workflow document in any language, each prefixed with its activity's id
     * ({@link WorkflowProblems#relabel} puts the activity's label there); empty when it can run.
     */
    public List<Text> problemTexts(String json) {
        try {
            validate(json);
            return List.of();
        } catch (WorkflowException e) {
            return e.texts();
        }
    }

    /**
     * The problems of one activity's settings alone (its type's checks and its conditions), as a properties
     * dialog shows them before anything is saved; empty when valid. Transitions are not looked at.
     */
    public List<Text> activityProblems(ActivityDefinition activity) {
        Optional<ActivityType> type = registry.find(activity.type());
        if (type.isEmpty()) {
            return List.of(WorkflowValidator.unknownType(activity.type()));
        }
        List<Text> problems = new ArrayList<>(type.get().validate(activity));
        problems.addAll(conditionProblems(activity, false));
        return problems;
    }

    /**
     * The output names an activity has with these settings (a Split's subsets, a Test's true/false...), those an
     * arrow may be drawn from: a Jump (from) has none (it leaves through its jump only).
     */
    public List<String> outputs(ActivityDefinition activity) {
        if (activity.type().equals(Types.JUMP_FROM)) {
            return List.of();
        }
        return registry.find(activity.type()).map(t -> t.outputs(activity)).orElse(List.of());
    }

    /** The newest run of the workflow, if it ever ran. */
    public Optional<Long> latestRun(long workflowId) {
        return em
                .createQuery(
                        "SELECT r.id FROM WorkflowRun r WHERE r.workflowId = :workflow AND r.simulated = false"
                                + " ORDER BY r.id DESC",
                        Long.class)
                .setParameter("workflow", workflowId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** The newest simulation of the workflow that has not been discarded, if any. */
    public Optional<Long> latestSimulation(long workflowId) {
        return em
                .createQuery(
                        "SELECT r.id FROM WorkflowRun r WHERE r.workflowId = :workflow AND r.simulated = true"
                                + " ORDER BY r.id DESC",
                        Long.class)
                .setParameter("workflow", workflowId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Whether run {@code runId} is a simulation. */
    public boolean isSimulation(long runId) {
        return run(runId).isSimulated();
    }

    /**
     * Simulates the workflow ("dry run") on the real data: a run flagged simulated, in which deliveries record
     * to whom they would send and what those recipients do (the settings' script, else its rates) without
     * sending, List update writes nothing, and Waits pass at once. Discards the workflow's earlier simulation
     * first. Refused, with every bad line, when the script is not right. Returns the run's id.
     */
    public long simulate(long workflowId, SimulationSettings settings) {
        Workflow workflow = workflow(workflowId);
        WorkflowDefinition definition = validate(workflow.getDefinitionJson());
        List<SimulationScript.Line> script = List.of();
        if (settings.script() != null) {
            SimulationScript.Result parsed = SimulationScript.parse(settings.script());
            List<Text> problems = new ArrayList<>(parsed.problems());
            problems.addAll(scriptProblems(definition, parsed.lines()));
            if (!problems.isEmpty()) {
                throw WorkflowException.invalidTexts(problems);
            }
            script = parsed.lines();
        }
        discardSimulations(workflowId);
        WorkflowRun run = WorkflowRun.simulation(
                workflowId, workflow.getDefinitionJson(), clock.instant(), Simulator.json(settings));
        em.persist(run);
        em.flush();
        for (SimulationScript.Line line : script) {
            NativeSql.update(
                    em,
                    "INSERT INTO simulation_script (run_id, line, email_key, delivery, action, link)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    java.util.Arrays.asList(
                            run.getId(), line.number(), line.emailKey(), line.delivery(), line.action(), line.link()));
        }
        WorkflowRunner runner = runner(run.getId());
        save(run, runner.start(runner.newRun(definition, run.getId().toString())));
        new DbRunLog(em, run.getId()).write(null, Text.of("run.simulated"));
        advancer.advanceSoon(run.getId());
        return run.getId();
    }

    /** The deliveries a workflow document sends (those that exist), with their links: what a simulation's rates are for. */
    public List<SimulatedDelivery> simulatedDeliveries(String json) {
        WorkflowDefinition definition;
        try {
            definition = WorkflowJson.parse(json);
        } catch (WorkflowFormatException e) {
            return List.of();
        }
        return Simulator.deliveriesOf(definition).stream()
                .map(deliveries::find)
                .flatMap(Optional::stream)
                .map(d -> new SimulatedDelivery(
                        d.getId(),
                        d.getLabel(),
                        Simulator.links(d).stream()
                                .map(l -> l.label() == null ? l.url() : l.label())
                                .distinct()
                                .toList()))
                .toList();
    }

    /** The lines of a script whose delivery the workflow does not send, or whose link that delivery lacks. */
    private List<Text> scriptProblems(WorkflowDefinition definition, List<SimulationScript.Line> lines) {
        List<io.crosscast.delivery.Delivery> sent = Simulator.deliveriesOf(definition).stream()
                .map(deliveries::find)
                .flatMap(Optional::stream)
                .toList();
        List<Text> problems = new ArrayList<>();
        for (SimulationScript.Line line : lines) {
            Optional<io.crosscast.delivery.Delivery> delivery = sent.stream()
                    .filter(d -> d.getId().toString().equals(line.delivery())
                            || d.getLabel().equals(line.delivery()))
                    .findFirst();
            if (delivery.isEmpty()) {
                problems.add(Text.of("simulation.script.unknownDelivery", line.number(), line.delivery()));
            } else if (line.link() != null
                    && Simulator.links(delivery.get()).stream()
                            .noneMatch(l ->
                                    line.link().equals(l.url()) || line.link().equals(l.label()))) {
                problems.add(Text.of("simulation.script.unknownLink", line.number(), line.delivery(), line.link()));
            }
        }
        return problems;
    }

    /**
     * Discards the workflow's simulations (the marketer left it, starts it for real or simulates again): their
     * runs, logs, populations and simulated hits are deleted. Returns how many.
     */
    public int discardSimulations(long workflowId) {
        List<Long> ids = em.createQuery(
                        "SELECT r.id FROM WorkflowRun r WHERE r.workflowId = :workflow AND r.simulated = true",
                        Long.class)
                .setParameter("workflow", workflowId)
                .getResultList();
        for (long id : ids) {
            WorkflowRun run = em.find(WorkflowRun.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (run == null) {
                continue;
            }
            new PopulationPurge(em).ofRun(id);
            NativeSql.update(em, "DELETE FROM simulated_hit WHERE run_id = ?", List.of(id));
            NativeSql.update(em, "DELETE FROM simulation_script WHERE run_id = ?", List.of(id));
            NativeSql.update(em, "DELETE FROM run_log WHERE run_id = ?", List.of(id));
            NativeSql.update(em, "DELETE FROM run_request WHERE run_id = ?", List.of(id));
            em.remove(run);
        }
        em.flush();
        return ids.size();
    }

    /** Starts a run of the workflow as it is now (its simulations discarded); returns the run's id. */
    public long start(long workflowId) {
        discardSimulations(workflowId);
        Workflow workflow = workflow(workflowId);
        WorkflowDefinition definition = validate(workflow.getDefinitionJson());
        WorkflowRun run = new WorkflowRun(workflowId, workflow.getDefinitionJson(), clock.instant());
        em.persist(run);
        em.flush();
        WorkflowRunner runner = runner(run.getId());
        RunState state = runner.start(runner.newRun(definition, run.getId().toString()));
        save(run, state);
        new DbRunLog(em, run.getId()).write(null, Text.of("run.started"));
        advancer.advanceSoon(run.getId());
        return run.getId();
    }

    /**
     * Pauses the run: nothing new starts. When a long activity holds the run, the pause is recorded and applied
     * as soon as that activity's step ends, before anything else starts; the call does not wait for it.
     */
    public void pause(long runId) {
        control(runId, RunStatus.PAUSED);
    }

    public void resume(long runId) {
        if (advancer.withdrawPause(runId)) {
            return; // the pause had not been applied yet: the run never stopped going
        }
        change(runId, (runner, definition, state) -> runner.resume(state), Text.of("run.resumed"));
        advancer.advanceSoon(runId);
    }

    /** Stops the run, at once or, when a long activity holds it, as soon as that activity's step ends. */
    public void stop(long runId) {
        control(runId, RunStatus.STOPPED);
    }

    private void control(long runId, RunStatus target) {
        try {
            advancer.control(runId, target);
        } catch (RunLocks.RunBusy busy) {
            RunState state = RunStateJson.read(run(runId).getStateJson());
            if (!state.status().canMoveTo(target)) {
                throw WorkflowException.conflict("A " + state.status() + " run cannot become " + target);
            }
            advancer.request(runId, target);
        }
    }

    /** Runs a failed (or any) activity again, and everything after it. */
    public void restartFrom(long runId, String activityId) {
        change(
                runId,
                (runner, definition, state) -> runner.restartFrom(definition, state, activityId),
                Text.of("run.restarted", activityId));
        advancer.advanceSoon(runId);
    }

    /**
     * One page of the recipients a transition of the run carried (by id), and how many there are. The
     * populations of a run are kept until the run is purged.
     */
    @SuppressWarnings("unchecked")
    public RecipientPage transitionPopulation(long runId, String transitionId, int first, int pageSize) {
        RunState state = RunStateJson.read(run(runId).getStateJson());
        TransitionState transition = state.transition(transitionId)
                .filter(t -> t.fired() && t.population() != null)
                .orElseThrow(() -> WorkflowException.notFound(
                        "Transition " + transitionId + " of run " + runId + " carried no population."));
        long population = SqlPopulations.idOf(transition.population());
        List<Object> parameters = new ArrayList<>(SqlPopulations.range(population));
        parameters.add(Math.max(1, Math.min(pageSize, 500)));
        parameters.add(Math.max(0, first));
        // members in key order are in recipient id order
        List<Recipient> page = NativeSql.query(
                        em,
                        "SELECT r.* FROM population_member m JOIN recipient r ON r.id = m.recipient_id"
                                + " WHERE m.member_key BETWEEN ? AND ? ORDER BY m.member_key LIMIT ? OFFSET ?",
                        Recipient.class,
                        parameters)
                .getResultList();
        return new RecipientPage(transition.count(), page);
    }

    /**
     * Where everyone went in a run (issue #15): every done activity's received and passed-on counts, and who it
     * did not pass on (a Split's recipients in no subset, a delivery's exclusions by reason).
     */
    public RunFlow flow(long runId) {
        return new RunFlows(em).flow(flowRun(run(runId)));
    }

    /** One page of the recipients an activity of a run did not pass on (a delivery: those it excluded), with why. */
    public LeftBehind.Page leftBehind(long runId, String activityId, int first, int pageSize) {
        return new RunFlows(em).leftBehind(flowRun(run(runId)), activityId, first, pageSize);
    }

    /**
     * A recipient's path through the runs that touched them, newest first (at most 20): the activities they
     * reached, the subset that took them, a delivery's exclusion and why, their opens and clicks.
     * {@code runId}: that run only (null: any run).
     */
    public List<RecipientPath> recipientPath(long recipientId, Long runId) {
        RunFlows flows = new RunFlows(em);
        List<RecipientPath> paths = new ArrayList<>();
        for (long id : flows.runsOf(recipientId, runId, 20)) {
            WorkflowRun run = em.find(WorkflowRun.class, id);
            if (run != null) {
                paths.add(flows.path(
                        flowRun(run), run.getWorkflowId(), run.getStatus(), run.getStartedAt(), recipientId));
            }
        }
        return paths;
    }

    /** The id of the recipient with this email (in any case), if there is one. */
    @SuppressWarnings("unchecked")
    public Optional<Long> recipientByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        List<Object> ids = NativeSql.query(
                        em,
                        "SELECT id FROM recipient WHERE email_key = ?",
                        List.of(email.strip().toLowerCase(java.util.Locale.ROOT)))
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).findFirst();
    }

    private static RunFlows.Run flowRun(WorkflowRun run) {
        return new RunFlows.Run(
                run.getId(),
                WorkflowJson.parse(run.getDefinitionJson()),
                RunStateJson.read(run.getStateJson()),
                run.getPopulationsPurgedAt() != null);
    }

    /** Deletes a run that is not running, with its log and its populations. */
    public void purge(long runId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw WorkflowException.notFound("Run " + runId + " does not exist.");
        }
        if ("STARTED".equals(run.getStatus())) {
            throw WorkflowException.conflict("Run " + runId + " is running: stop or pause it first.");
        }
        new PopulationPurge(em).ofRun(runId);
        NativeSql.update(em, "DELETE FROM run_log WHERE run_id = ?", List.of(runId));
        NativeSql.update(em, "DELETE FROM run_request WHERE run_id = ?", List.of(runId));
        NativeSql.update(em, "DELETE FROM run_signal WHERE run_id = ?", List.of(runId));
        em.remove(run);
    }

    /**
     * The retention job's call: deletes the populations of the runs that finished or were stopped more than
     * {@code crosscast.workflow.retentionDays} (30) days ago, and, in the runs still going, the populations their
     * state no longer holds (a loop's earlier passes: no transition shows them, nothing will read them). Counts,
     * figures and logs are kept. Returns the number of populations deleted.
     */
    public long purgeExpiredPopulations() {
        Instant now = clock.instant();
        PopulationPurge purge = new PopulationPurge(em);
        long deleted =
                purge.ofRunsEndedBefore(now.minus(WorkflowSettings.configured().retention()), now);
        for (long runId : purge.runsNotEndedWithPopulations()) {
            deleted += advancer.purgeUnheldPopulations(runId);
        }
        return deleted;
    }

    /** The space populations take, and when the retention job runs next (the administration page). */
    public PopulationStorage populationStorage() {
        long populations = NativeSql.count(em, "SELECT COUNT(*) FROM population", List.of());
        long members = NativeSql.count(em, "SELECT COUNT(*) FROM population_member", List.of());
        Long bytes = database.vendor() == DatabaseVendor.POSTGRESQL
                ? NativeSql.count(
                        em,
                        "SELECT pg_total_relation_size('population') + pg_total_relation_size('population_member')",
                        List.of())
                : null;
        Instant next;
        try {
            next = scheduler.nextFireTime(PopulationRetentionJob.KEY).orElse(null);
        } catch (SchedulerException e) {
            next = null;
        }
        return new PopulationStorage(
                populations,
                members,
                bytes,
                next,
                WorkflowSettings.configured().retention().toDays());
    }

    /**
     * The lines one activity of a run wrote into the log whose key starts with {@code keyPrefix}, oldest first:
     * e.g. an A/B test's samples, figures and winner ({@code "abTest.log."}), for the report of a delivery it
     * sent. Empty when the run is gone.
     */
    public List<Text> activityLog(long runId, String activityId, String keyPrefix) {
        List<Text> texts = new ArrayList<>();
        for (Object json : NativeSql.query(
                        em,
                        "SELECT text_json FROM run_log WHERE run_id = ? AND activity_id = ? ORDER BY id",
                        List.of(runId, activityId))
                .getResultList()) {
            io.crosscast.workflow.internal.TextJson.read((String) json)
                    .filter(t -> t.key().startsWith(keyPrefix))
                    .ifPresent(texts::add);
        }
        return texts;
    }

    /** At most this many parameters per signal. */
    public static final int MAX_SIGNAL_PARAMETERS = 20;
    /** At most this many characters per parameter value. */
    public static final int MAX_SIGNAL_VALUE = 500;

    private static final java.util.regex.Pattern SIGNAL_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * An external signal for a run: hands it, with its parameters, to every External signal activity of the run
     * that waits for a signal of this name, and moves the run on (a paused run uses it when resumed). Counted once:
     * a signal whose request key the run already received, or that comes again while the activities it reached have
     * not acted on it yet, changes nothing ({@link RunSignal#duplicate()}). A conflict when no activity of the run
     * waits for it now (one not reached yet, or past: the caller sends it again later) or when the run has ended.
     */
    public RunSignal signal(long runId, String name, java.util.Map<String, String> parameters, String requestKey) {
        List<Text> problems = new ArrayList<>();
        if (name == null || !SIGNAL_NAME.matcher(name).matches()) {
            problems.add(Text.of("workflow.signal.badName", String.valueOf(name)));
        }
        if (parameters.size() > MAX_SIGNAL_PARAMETERS) {
            problems.add(Text.of("workflow.signal.tooManyParameters", MAX_SIGNAL_PARAMETERS, parameters.size()));
        }
        parameters.forEach((key, value) -> {
            if (!SIGNAL_NAME.matcher(key).matches()) {
                problems.add(Text.of("workflow.signal.badParameterName", key));
            } else if (value.length() > MAX_SIGNAL_VALUE) {
                problems.add(Text.of("workflow.signal.longValue", key, MAX_SIGNAL_VALUE));
            }
        });
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 200)) {
            problems.add(Text.of("workflow.signal.badRequestKey"));
        }
        if (!problems.isEmpty()) {
            throw WorkflowException.invalidTexts(problems);
        }
        WorkflowRun run = lockedRun(runId);
        Instant now = clock.instant();
        if (requestKey != null) {
            Optional<RunSignal> earlier = signals(runId).stream()
                    .filter(s -> requestKey.equals(s.requestKey))
                    .findFirst()
                    .map(s -> s.signal(true));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        RunState state = RunStateJson.read(run.getStateJson());
        if (state.status() != RunStatus.STARTED && state.status() != RunStatus.PAUSED) {
            throw WorkflowException.conflict(
                    Text.of("workflow.signal.runEnded", runId, state.status().name()));
        }
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        List<String> waiting = definition.activities().stream()
                .filter(a -> a.type().equals(Types.EXTERNAL_SIGNAL))
                .filter(a -> ExternalSignalActivity.name(a).filter(name::equals).isPresent())
                .filter(a -> state.phase(a.id()) == io.crosscast.engine.ActivityPhase.WAITING)
                .map(ActivityDefinition::id)
                .toList();
        if (waiting.isEmpty()) {
            throw WorkflowException.conflict(Text.of("workflow.signal.notWaiting", runId, name));
        }
        List<String> fresh = waiting.stream()
                .filter(id ->
                        !ExternalSignalActivity.hasReceived(state.activity(id).stored()))
                .toList();
        if (fresh.isEmpty()) {
            return new RunSignal(runId, name, waiting, parameters, now, true);
        }
        WorkflowRunner runner = runner(runId);
        RunState next = state;
        for (String id : fresh) {
            next = runner.deliver(next, id, ExternalSignalActivity.received(parameters, now), now);
        }
        save(run, next);
        String json = io.crosscast.platform.JsonValues.strings(new java.util.TreeMap<>(parameters))
                .build()
                .toString();
        NativeSql.update(
                em,
                "INSERT INTO run_signal (run_id, signal_name, activity_ids, parameters_json, request_key, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                java.util.Arrays.asList(
                        runId,
                        name,
                        String.join(",", fresh),
                        json,
                        requestKey,
                        io.crosscast.platform.sql.SqlValues.timestamp(now)));
        DbRunLog log = new DbRunLog(em, runId);
        fresh.forEach(id -> log.write(id, Text.of("signal.log.arrived", name, Text.verbatim(json))));
        if (next.status() == RunStatus.STARTED) {
            advancer.advanceSoon(runId);
        }
        return new RunSignal(runId, name, fresh, parameters, now, false);
    }

    /**
     * A marketer confirms the winner of an A/B test that sends it on confirmation ({@code winnerSending}
     * {@code confirmation}): {@code variant} (1-based), the rule's proposal or another, goes to the rest. Handed to
     * the waiting activity as an external signal is, which then sends it and logs who chose it; the run moves on (a
     * paused run when resumed). Refused: an unknown run or activity (not found), a variant the test does not have
     * (invalid), a test that sends automatically, is not decided yet, or already sent a variant, or a run that has
     * ended (conflict).
     */
    public AbTestConfirmation confirmAbTestWinner(long runId, String activityId, int variant) {
        WorkflowRun run = lockedRun(runId);
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        ActivityDefinition test = definition.activities().stream()
                .filter(a -> a.id().equals(activityId) && a.type().equals(Types.AB_TEST))
                .findFirst()
                .orElseThrow(() -> WorkflowException.notFound(
                        Text.of("workflow.abTest.notAbTest", runId, String.valueOf(activityId))));
        RunState state = RunStateJson.read(run.getStateJson());
        if (state.status() != RunStatus.STARTED && state.status() != RunStatus.PAUSED) {
            throw WorkflowException.conflict(
                    Text.of("workflow.abTest.runEnded", runId, state.status().name()));
        }
        AbTest.Settings settings = AbTest.settings(test);
        java.util.Map<String, String> stored = state.activity(activityId).stored();
        int variants = settings.deliveries().size();
        Optional<AbTest.Refusal> refusal = AbTest.refusal(settings, state.phase(activityId), stored, variants, variant);
        if (refusal.isPresent()) {
            String name = test.label() == null || test.label().isBlank() ? activityId : test.label();
            throw switch (refusal.get()) {
                case NO_SUCH_VARIANT ->
                    WorkflowException.invalidTexts(
                            List.of(Text.of("workflow.abTest.noSuchVariant", name, variants, variant)));
                case AUTOMATIC -> WorkflowException.conflict(Text.of("workflow.abTest.automatic", name));
                case NOT_DECIDED -> WorkflowException.conflict(Text.of("workflow.abTest.notDecided", name));
                case ALREADY_CONFIRMED -> WorkflowException.conflict(Text.of("workflow.abTest.alreadyConfirmed", name));
            };
        }
        Instant now = clock.instant();
        String by = session.getCallerPrincipal().getName();
        RunState next = runner(runId).deliver(state, activityId, AbTest.confirmed(variant, by, now), now);
        save(run, next);
        if (next.status() == RunStatus.STARTED) {
            advancer.advanceSoon(runId);
        }
        return new AbTestConfirmation(
                runId, activityId, variant, Integer.parseInt(stored.get(AbTest.PROPOSED)), by, now);
    }

    /** The A/B test {@code activityId} of a run if it waits for a marketer's confirmation now: its proposal. */
    public Optional<AbTestProposal> abTestProposal(long runId, String activityId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId);
        if (run == null) {
            return Optional.empty();
        }
        RunState state = RunStateJson.read(run.getStateJson());
        if (state.phase(activityId) != io.crosscast.engine.ActivityPhase.WAITING) {
            return Optional.empty();
        }
        java.util.Map<String, String> stored = state.activity(activityId).stored();
        if (!AbTest.awaitsConfirmation(stored) || stored.containsKey(AbTest.REST_SENDING)) {
            return Optional.empty();
        }
        List<Long> sent = AbTest.sentVariants(stored);
        String[] figures = stored.getOrDefault(AbTest.FIGURES, "").split(",");
        List<AbTestProposal.Variant> variants = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            long id = sent.get(i);
            variants.add(new AbTestProposal.Variant(
                    i + 1,
                    id,
                    deliveries.find(id).map(d -> d.getLabel()).orElse("#" + id),
                    i < figures.length && !figures[i].isBlank() ? Long.parseLong(figures[i]) : 0));
        }
        String deadline = stored.get(AbTest.CONFIRMATION_DEADLINE);
        return Optional.of(new AbTestProposal(
                runId,
                activityId,
                Integer.parseInt(stored.get(AbTest.PROPOSED)),
                variants,
                deadline == null ? null : Instant.parse(deadline)));
    }

    /** The signals a run received, oldest first. */
    public List<RunSignal> receivedSignals(long runId) {
        run(runId);
        return signals(runId).stream().map(s -> s.signal(false)).toList();
    }

    private record StoredSignal(
            long runId,
            String name,
            List<String> activities,
            java.util.Map<String, String> parameters,
            Instant at,
            String requestKey) {
        RunSignal signal(boolean duplicate) {
            return new RunSignal(runId, name, activities, parameters, at, duplicate);
        }
    }

    private List<StoredSignal> signals(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.query(
                        em,
                        "SELECT signal_name, activity_ids, parameters_json, received_at, request_key FROM run_signal"
                                + " WHERE run_id = ? ORDER BY id",
                        List.of(runId))
                .getResultList();
        return rows.stream()
                .map(row -> new StoredSignal(
                        runId,
                        (String) row[0],
                        List.of(((String) row[1]).split(",")),
                        io.crosscast.platform.JsonValues.texts(io.crosscast.platform.JsonValues.read((String) row[2])
                                .asJsonObject()),
                        io.crosscast.platform.sql.SqlValues.instant(row[3]),
                        (String) row[4]))
                .toList();
    }

    public RunView view(long runId) {
        WorkflowRun run = run(runId);
        return RunViews.of(run, RunStateJson.read(run.getStateJson()), em);
    }

    /** The run's row, locked for this transaction (with the lock timeout); 409 when busy, 404 when unknown. */
    private WorkflowRun lockedRun(long runId) {
        WorkflowRun run;
        try {
            run = RunLocks.lock(
                    em, database.vendor(), runId, WorkflowSettings.configured().lockTimeout());
        } catch (RunLocks.RunBusy e) {
            throw WorkflowException.conflict(Text.of("workflow.busy", runId));
        }
        if (run == null) {
            throw WorkflowException.notFound("Run " + runId + " does not exist.");
        }
        return run;
    }

    private interface Change {
        RunState apply(WorkflowRunner runner, WorkflowDefinition definition, RunState state);
    }

    private void change(long runId, Change change, Text logLine) {
        WorkflowRun run = lockedRun(runId);
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        try {
            save(run, change.apply(runner(runId), definition, RunStateJson.read(run.getStateJson())));
        } catch (IllegalStateException e) {
            throw WorkflowException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(e.getMessage());
        }
        new DbRunLog(em, runId).write(null, logLine);
    }

    private WorkflowDefinition validate(String json) {
        WorkflowDefinition definition;
        // values of the wrong JSON type first (parse is lenient on them), then everything else
        List<Text> problems = new ArrayList<>(
                WorkflowJson.typeProblems(json).stream().map(Text::verbatim).toList());
        try {
            definition = WorkflowJson.parse(json);
        } catch (WorkflowFormatException e) {
            problems.add(Text.verbatim(e.getMessage()));
            throw WorkflowException.invalidTexts(problems);
        }
        problems.addAll(WorkflowValidator.validate(definition, registry).stream()
                .map(WorkflowProblems::of)
                .toList());
        definition.activities().forEach(activity -> problems.addAll(conditionProblems(activity, true)));
        if (!problems.isEmpty()) {
            throw WorkflowException.invalidTexts(problems);
        }
        return definition;
    }

    /**
     * Conditions are opaque to the engine: the audience's validator checks every "condition" setting of the
     * activity. {@code prefixed}: each problem names the activity (a workflow's problems), otherwise only the
     * setting (the activity's own dialog).
     */
    private static List<Text> conditionProblems(ActivityDefinition activity, boolean prefixed) {
        List<Text> problems = new ArrayList<>();
        String id = prefixed ? activity.id() : null;
        activity.config().forEach((key, value) -> {
            if (key.equals("condition") || key.endsWith(".condition")) {
                try {
                    ConditionValidator.validate(ConditionJson.fromJson(value))
                            .forEach(problem ->
                                    problems.add(WorkflowProblems.ofSetting(id, key, WorkflowProblems.of(problem))));
                } catch (InvalidConditionException e) {
                    problems.add(WorkflowProblems.ofSetting(id, key, WorkflowProblems.of(e)));
                }
            }
        });
        return problems;
    }

    private void save(WorkflowRun run, RunState state) {
        run.update(state.status().name(), RunStateJson.write(state), clock.instant());
    }

    private WorkflowRunner runner(long runId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId);
        return new WorkflowRunner(registry, new SqlPopulations(em, compiler, runId), run != null && run.isSimulated());
    }

    private Workflow workflow(long workflowId) {
        return find(workflowId)
                .orElseThrow(() -> WorkflowException.notFound("Workflow " + workflowId + " does not exist."));
    }

    private WorkflowRun run(long runId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId);
        if (run == null) {
            throw WorkflowException.notFound("Run " + runId + " does not exist.");
        }
        return run;
    }
}
