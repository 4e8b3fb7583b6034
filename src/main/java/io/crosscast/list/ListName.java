package io.crosscast.list;

/** A list's id and name, as menus and suggestions offer it. */
public record ListName(long id, String name) {}
