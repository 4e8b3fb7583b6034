package io.crosscast.list;

/**
 * What a change of membership did.
 *
 * @param changed how many recipients joined or left the list
 * @param members how many members the list has now
 */
public record MembershipResult(int changed, long members) {}
