/**
 * Workflow engine core: plain Java (java.time, java.util), no framework, no SQL.
 *
 * <ul>
 *   <li>Model: {@link io.crosscast.engine.WorkflowDefinition}, {@link io.crosscast.engine.ActivityDefinition},
 *       {@link io.crosscast.engine.TransitionDefinition} (from an activity's named output to another activity).</li>
 *   <li>SPI: {@link io.crosscast.engine.ActivityType} executes with an {@link io.crosscast.engine.ActivityContext} and
 *       returns a {@link io.crosscast.engine.NextAction} (Done / WaitUntil / Failed). Types are looked up in an
 *       {@link io.crosscast.engine.ActivityRegistry}; built-ins in {@code io.crosscast.engine.activities}.</li>
 *   <li>Ports: {@link io.crosscast.engine.Populations} (set operations on opaque
 *       {@link io.crosscast.engine.PopulationHandle}s, done in SQL by the container), {@link io.crosscast.engine.RunLog},
 *       and {@link java.time.Clock} (only {@link io.crosscast.engine.Execution} reads it; the runner is given instants).</li>
 *   <li>Validation: {@link io.crosscast.engine.WorkflowValidator} lists every problem.</li>
 *   <li>Texts: what the engine and activities say to people (validation problems, failures, run log lines) is a
 *       {@link io.crosscast.engine.Text}, a key of the bundle {@code io/crosscast/engine/texts} (English, French) with
 *       its arguments, read in each reader's language; an {@link io.crosscast.engine.ActivityException} fails an
 *       activity with a text.</li>
 *   <li>Running: {@link io.crosscast.engine.WorkflowRunner} computes immutable {@link io.crosscast.engine.RunState}
 *       snapshots (per activity: phase, wake-up, failure message, stored key/value state; per transition: fired or
 *       skipped, population, count, data). The container persists them and executes each activity in its own
 *       transaction; a scheduler executes the activities returned by {@code due(def, state, now)}.</li>
 * </ul>
 *
 * Per-activity state: an activity returns {@code WaitUntil(wakeUp, state)}; the runner stores the map in
 * {@link io.crosscast.engine.ActivityState#stored()} and hands it back in {@link io.crosscast.engine.ActivityContext#state()}
 * on the next execution; it is cleared when the activity is DONE or reset by a restart, so a Wait on a loop starts
 * afresh on each pass.
 *
 * Data: the {@code data} of a Done is merged over the data of the incoming populations and attached to every outgoing
 * transition, so e.g. a deliveryId ({@link io.crosscast.engine.DataKeys#DELIVERY_ID}) travels through a Wait and a
 * Split down to the tracking-based activities; Query and Split hand the input data to
 * {@link io.crosscast.engine.Populations#filter} and {@link io.crosscast.engine.Populations#query}, so their
 * conditions may refer to the incoming delivery.
 */
package io.crosscast.engine;
