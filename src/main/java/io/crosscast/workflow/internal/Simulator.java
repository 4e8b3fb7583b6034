package io.crosscast.workflow.internal;

import static io.crosscast.platform.JsonValues.JSON;

import io.crosscast.content.LinkRewriter;
import io.crosscast.content.TrackedLink;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.engine.activities.Types;
import io.crosscast.platform.JsonValues;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.workflow.SimulationSettings;
import io.crosscast.workflow.WorkflowRun;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a simulated run's deliveries do instead of sending, in the activity's transaction, set-based: the
 * recipients a delivery would send to (its input minus the ledger's exclusions) get a {@code SENT} row in
 * {@code simulated_hit}, then their opens and clicks, scripted (the run's {@code simulation_script} lines for
 * this delivery, by its id or label, joined to the recipients by email) or drawn from the rates (a recipient
 * opens when {@code MOD(MOD(id * 1103515245 + seed', 2147483629), 100) < rate}, seed' mixing the run's seed,
 * the delivery and the link). Nothing is written to the ledger, the tracking log or a list.
 */
@Stateless
public class Simulator {

    /** What a simulated delivery did: to how many it would send, how many it excluded, opens and clicks. */
    public record Sending(long wouldSend, long excluded, long opens, long clicks) {}

    private static final String INSERT_HIT =
            "INSERT INTO simulated_hit (run_id, delivery_id, recipient_id, type, url, label, actor, logged_at)";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DeliveryService deliveries;

    /** Simulates the sending of {@code delivery} to the activity's input. */
    public Sending deliver(ActivityContext ctx, Delivery delivery) {
        long runId = Long.parseLong(ctx.runId());
        SqlPopulations populations = (SqlPopulations) ctx.populations();
        PopulationHandle input = ctx.input();
        PopulationHandle sendable = populations.keep(input, deliveries.sendableTest(delivery.getChannel()));
        long wouldSend = populations.count(sendable);
        long excluded = populations.count(input) - wouldSend;
        Object now = SqlValues.timestamp(ctx.now());
        long id = delivery.getId();
        List<Object> sent = new ArrayList<>(List.of(runId, id, now));
        sent.addAll(SqlPopulations.range(SqlPopulations.idOf(sendable)));
        NativeSql.update(
                em,
                INSERT_HIT + " SELECT ?, ?, m.recipient_id, 'SENT', NULL, NULL, 'PERSON', ? FROM population_member m"
                        + " WHERE " + SqlPopulations.inPopulation("m"),
                sent);
        List<TrackedLink> links = links(delivery);
        long opens;
        long clicks = 0;
        boolean scripted =
                NativeSql.count(em, "SELECT COUNT(*) FROM simulation_script WHERE run_id = ?", List.of(runId)) > 0;
        if (scripted) {
            opens = scripted(runId, delivery, sendable, now, "OPEN", null);
            for (TrackedLink link : links) {
                clicks += scripted(runId, delivery, sendable, now, "CLICK", link);
            }
        } else {
            SimulationSettings settings =
                    settings(em.find(WorkflowRun.class, runId).getSimulationJson());
            SimulationSettings.Rates rates = settings.rates().get(id);
            opens = rates == null ? 0 : drawn(runId, id, sendable, now, null, rates.opens(), settings.seed());
            for (TrackedLink link : links) {
                Integer rate = rates == null ? null : rate(rates, link);
                if (rate != null) {
                    clicks += drawn(runId, id, sendable, now, link, rate, settings.seed() + 7919L * link.index());
                }
            }
        }
        return new Sending(wouldSend, excluded, opens, clicks);
    }

    /** The scripted actions of this delivery's recipients: one INSERT ... SELECT per action and link. */
    private long scripted(
            long runId, Delivery delivery, PopulationHandle sendable, Object now, String action, TrackedLink link) {
        List<Object> parameters = new ArrayList<>(List.of(runId, delivery.getId()));
        parameters.add(link == null ? "" : link.url());
        parameters.add(link == null || link.label() == null ? "" : link.label());
        parameters.add(now);
        parameters.add(SqlPopulations.base(SqlPopulations.idOf(sendable)));
        parameters.addAll(SqlPopulations.range(SqlPopulations.idOf(sendable)));
        parameters.add(runId);
        parameters.add(action);
        parameters.add(Long.toString(delivery.getId()));
        parameters.add(delivery.getLabel());
        String linkTest = "";
        if (link != null) {
            linkTest = " AND (s.link = ? OR s.link = ?)";
            parameters.add(link.url());
            parameters.add(link.label() == null ? link.url() : link.label());
        }
        return NativeSql.update(
                em,
                INSERT_HIT + " SELECT ?, ?, r.id, '" + action + "', NULLIF(?, ''), NULLIF(?, ''), 'PERSON', ?"
                        + " FROM simulation_script s JOIN recipient r ON r.email_key = s.email_key"
                        + " JOIN population_member m ON m.member_key = CAST(? AS BIGINT) + r.id"
                        + " WHERE " + SqlPopulations.inPopulation("m") + " AND s.run_id = ? AND s.action = ?"
                        + " AND (s.delivery = ? OR s.delivery = ?)" + linkTest,
                parameters);
    }

    /** Opens (link null) or clicks of a link drawn at {@code rate} percent among the sendable recipients. */
    private long drawn(
            long runId, long deliveryId, PopulationHandle sendable, Object now, TrackedLink link, int rate, long seed) {
        long mixed = Math.floorMod(seed * 31 + deliveryId * 1_000_003L + (link == null ? 0 : 17), 2_147_483_629L);
        List<Object> parameters = new ArrayList<>(List.of(runId, deliveryId));
        parameters.add(link == null ? "" : link.url());
        parameters.add(link == null || link.label() == null ? "" : link.label());
        parameters.add(now);
        parameters.addAll(SqlPopulations.range(SqlPopulations.idOf(sendable)));
        parameters.add(mixed);
        parameters.add(rate);
        return NativeSql.update(
                em,
                INSERT_HIT + " SELECT ?, ?, m.recipient_id, '" + (link == null ? "OPEN" : "CLICK")
                        + "', NULLIF(?, ''), NULLIF(?, ''), 'PERSON', ? FROM population_member m WHERE "
                        + SqlPopulations.inPopulation("m")
                        + " AND MOD(MOD(m.recipient_id * 1103515245 + ?, 2147483629), 100) < ?",
                parameters);
    }

    /** The rate of a link: by its label, else by its URL. */
    private static Integer rate(SimulationSettings.Rates rates, TrackedLink link) {
        Integer byLabel = link.label() == null ? null : rates.clicks().get(link.label());
        return byLabel != null ? byLabel : rates.clicks().get(link.url());
    }

    /** The tracked links of an email delivery (none for an SMS), honeypot aside. */
    public static List<TrackedLink> links(Delivery delivery) {
        if (delivery.getChannel() != Channel.EMAIL || delivery.getHtmlBody() == null) {
            return List.of();
        }
        return LinkRewriter.rewrite(delivery.getHtmlBody(), "-").links().stream()
                .filter(l -> !LinkRewriter.HONEYPOT_LABEL.equals(l.label()))
                .toList();
    }

    /** The deliveries a workflow's delivery activities send (their "delivery" setting). */
    public static Set<Long> deliveriesOf(WorkflowDefinition definition) {
        Set<Long> ids = new LinkedHashSet<>();
        for (ActivityDefinition a : definition.activities()) {
            if (a.type().equals(Types.EMAIL_DELIVERY) || a.type().equals(Types.SMS_DELIVERY)) {
                try {
                    a.config("delivery").map(String::strip).map(Long::valueOf).ifPresent(ids::add);
                } catch (NumberFormatException e) {
                    // an invalid setting: the validator refused the workflow already
                }
            }
        }
        return ids;
    }

    /** Settings (seed and rates; the script is kept apart) as the JSON of {@code workflow_run.simulation_json}. */
    public static String json(SimulationSettings settings) {
        JsonObjectBuilder rates = JSON.createObjectBuilder();
        settings.rates().forEach((delivery, r) -> {
            JsonObjectBuilder clicks = JSON.createObjectBuilder();
            r.clicks().forEach(clicks::add);
            rates.add(
                    delivery.toString(),
                    JSON.createObjectBuilder().add("opens", r.opens()).add("clicks", clicks));
        });
        return JSON.createObjectBuilder()
                .add("seed", settings.seed())
                .add("rates", rates)
                .build()
                .toString();
    }

    /** The settings written by {@link #json} (without the script). */
    public static SimulationSettings settings(String json) {
        if (json == null) {
            return SimulationSettings.none();
        }
        JsonObject object = JsonValues.read(json).asJsonObject();
        Map<Long, SimulationSettings.Rates> rates = new LinkedHashMap<>();
        JsonObject all = object.getJsonObject("rates");
        if (all != null) {
            for (Map.Entry<String, JsonValue> entry : all.entrySet()) {
                JsonObject r = entry.getValue().asJsonObject();
                Map<String, Integer> clicks = new LinkedHashMap<>();
                JsonObject c = r.getJsonObject("clicks");
                if (c != null) {
                    c.forEach((link, rate) -> clicks.put(link, ((jakarta.json.JsonNumber) rate).intValue()));
                }
                rates.put(Long.valueOf(entry.getKey()), new SimulationSettings.Rates(r.getInt("opens", 0), clicks));
            }
        }
        return new SimulationSettings(object.getJsonNumber("seed").longValue(), rates, null);
    }
}
