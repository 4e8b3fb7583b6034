package io.crosscast.audience;

import java.util.List;

/**
 * One page of recipients and how many there are in all, read in the same transaction.
 *
 * @param total how many recipients match, on every page
 * @param items the recipients of this page, in order
 */
public record RecipientPage(long total, List<Recipient> items) {

    /** Freezes the items. */
    public RecipientPage {
        items = List.copyOf(items);
    }
}
