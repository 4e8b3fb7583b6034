package io.crosscast.engine;

/**
 * Keys of the data that activities attach to their outgoing populations ({@link NextAction.Done#data()}) and
 * that reach the activities downstream ({@link ActivityContext#inputData()}).
 */
public final class DataKeys {

    /**
     * The id of the delivery that sent the population (a positive number, as text). Set by delivery activities;
     * read by the conditions of Query and Split (the "incoming delivery" of behaviour and tracking-log rules).
     */
    public static final String DELIVERY_ID = "deliveryId";

    /**
     * The prefix of an external signal's parameters ({@code signal.orderId}), attached by the External signal
     * activity to the population it lets go on its "signal" output.
     */
    public static final String SIGNAL_PREFIX = "signal.";

    private DataKeys() {}
}
