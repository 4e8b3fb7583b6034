package io.crosscast.web;

/** Reads the view parameters of the pages' addresses ({@code ?id=12}), where anything may have been typed. */
public final class ViewParameters {

    private ViewParameters() {}

    /** The id of a view parameter, or null when it is not a positive number. */
    public static Long id(String value) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
