package io.crosscast.list;

/** A list with its member count, as list pages and the REST API show it. */
public record ListSummary(long id, String name, String description, long members) implements java.io.Serializable {}
