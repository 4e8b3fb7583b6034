package io.crosscast.web.api;

/**
 * Which page to read: the index of its first item (from 0) and its size. The size defaults to
 * {@value #DEFAULT_PAGE_SIZE} and is capped at {@value #MAX_PAGE_SIZE} (a larger size is lowered, and the
 * answer says which size was used); a negative {@code first}, a size below 1 or a value that is not a
 * whole number is a 400.
 */
public record Paging(int first, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    /** From a JSON body, where absent values are null. */
    public static Paging of(Integer first, Integer pageSize) {
        int from = first == null ? 0 : first;
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (from < 0) {
            throw ApiException.badRequest(
                    "first",
                    "request.firstInvalid",
                    "'first' is the index of the first item, from 0; got " + from + ".");
        }
        if (size < 1) {
            throw ApiException.badRequest(
                    "pageSize",
                    "request.pageSizeInvalid",
                    "'pageSize' must be from 1 to " + MAX_PAGE_SIZE + "; got " + size + ".");
        }
        return new Paging(from, Math.min(size, MAX_PAGE_SIZE));
    }

    /** From query parameters, where absent values are null and present ones are text. */
    public static Paging ofQuery(String first, String pageSize) {
        return of(integer("first", first), integer("pageSize", pageSize));
    }

    private static Integer integer(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    name,
                    "request." + name + "Invalid",
                    "'" + name + "' must be a whole number; got '" + text.strip() + "'.");
        }
    }
}
