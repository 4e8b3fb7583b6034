package io.crosscast.audience;

/** A recipient's membership tier. */
public enum MembershipStatus {
    GOLD,
    SILVER,
    BRONZE,
    NONE
}
