package io.crosscast.list;

/** How {@link ListService#changeMembers} changes a list with the recipients matching a condition. */
public enum MembershipChange {

    /** Adds those who match and are not members yet. */
    ADD,

    /** Makes the list hold exactly those who match: removes the members who do not, adds the others. */
    REPLACE,

    /** Removes the members who match. */
    REMOVE
}
