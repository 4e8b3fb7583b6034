package io.crosscast.engine.activities;

/** Type names of the built-in activities, and of container-side ones the core knows by name only. */
public final class Types {

    public static final String START = "start";
    public static final String END = "end";
    public static final String QUERY = "query";
    public static final String SPLIT = "split";
    public static final String UNION = "union";
    public static final String INTERSECTION = "intersection";
    public static final String EXCLUSION = "exclusion";
    public static final String DEDUPLICATION = "deduplication";
    public static final String FORK = "fork";
    public static final String AND_JOIN = "andJoin";
    public static final String TEST = "test";
    public static final String WAIT = "wait";
    public static final String SCHEDULER = "scheduler";
    /** Adds named values to each recipient of its population, for the activities after it. */
    public static final String ENRICHMENT = "enrichment";
    /** Jump (from): leaves for the Jump (to) of the same name, without an arrow. */
    public static final String JUMP_FROM = "jumpFrom";
    /** Jump (to): where the jumps of its name land. */
    public static final String JUMP_TO = "jumpTo";
    /** External signal: waits until another system signals the run (REST), or a timeout. */
    public static final String EXTERNAL_SIGNAL = "externalSignal";

    /** Writes a population into a list: implemented and registered by the container (it writes tables). */
    public static final String LIST_UPDATE = "listUpdate";

    /** Email delivery (container activity): sends a delivery to its population. */
    public static final String EMAIL_DELIVERY = "emailDelivery";

    /** Mobile (SMS) delivery (container activity): sends an SMS delivery to its population. */
    public static final String SMS_DELIVERY = "smsDelivery";

    /**
     * A/B test of a delivery with a winner (container activity): variants to random samples, the winner to the
     * rest ({@link AbTest}).
     */
    public static final String AB_TEST = "abTest";

    private Types() {}
}
