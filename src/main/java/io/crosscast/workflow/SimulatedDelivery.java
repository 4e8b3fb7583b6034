package io.crosscast.workflow;

import java.util.List;

/**
 * A delivery a workflow sends, as a simulation's settings show it: its id, its label and its links (each by its
 * label, or its URL when it has none).
 */
public record SimulatedDelivery(long id, String label, List<String> links) {

    public SimulatedDelivery {
        links = List.copyOf(links);
    }
}
