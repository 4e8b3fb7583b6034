package io.crosscast.tracking.classify;

/** The hits the classifier's rules concern ({@code tracking_log.type}). */
public enum HitType {
    OPEN,
    CLICK
}
