package io.crosscast.web.delivery;

/** How the edit page shows the HTML body: one input at a time, so one value is submitted. */
public enum BodyMode {
    /** The rich text editor: simple messages; markup it does not know is dropped. */
    RICH,
    /** The HTML source: full email documents stay intact. */
    SOURCE
}
