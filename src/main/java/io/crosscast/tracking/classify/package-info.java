/**
 * People or machines: the rules that classify a tracking hit ({@link io.crosscast.tracking.classify.ActorRules},
 * read from {@code actor-rules.properties}) and the decision a hit's own request allows
 * ({@link io.crosscast.tracking.classify.AgentClassifier}: its method and user agent). Plain Java, unit-tested
 * with a corpus of real user agents; the rules that need other hits are applied in SQL by
 * {@code io.crosscast.tracking.TrackingClassifier} from the same data.
 */
package io.crosscast.tracking.classify;
