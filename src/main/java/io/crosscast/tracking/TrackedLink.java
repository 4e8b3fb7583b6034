package io.crosscast.tracking;

/** A link of a delivery as frozen when its sending started: its number, URL and optional label. */
public record TrackedLink(int index, String url, String label) {
}
