package io.crosscast.delivery;

import java.io.Serializable;
import java.time.Instant;

/**
 * A delivery as choosers offer it (condition builder: "opened delivery ..."), read without its content.
 *
 * @param id        the delivery's id
 * @param label     its label
 * @param startedAt when its sending started; null for a delivery never sent
 */
public record DeliveryChoice(long id, String label, Instant startedAt) implements Serializable {}
