package io.crosscast.delivery;

/**
 * The clicks on one link of a delivery (links with the same URL and label count as one).
 *
 * @param index    the link's number in the HTML body (the first one when the link appears more than once)
 * @param url      where it leads
 * @param label    the marketer's name for it ({@code data-label}), or null
 * @param clicks   every click recorded
 * @param clickers distinct recipients who clicked it
 */
public record LinkClicks(int index, String url, String label, long clicks, long clickers)
        implements java.io.Serializable {

    /** The label if the link has one, else its URL. */
    public String name() {
        return label == null || label.isBlank() ? url : label;
    }
}
