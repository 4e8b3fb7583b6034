/**
 * Tracking of opens, clicks and unsubscriptions: the signed tokens carried by tracking URLs
 * ({@link io.crosscast.tracking.TrackingTokens}) and what they say ({@link io.crosscast.tracking.TrackingToken}).
 * Plain Java.
 */
package io.crosscast.tracking;
