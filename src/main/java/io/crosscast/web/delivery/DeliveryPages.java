package io.crosscast.web.delivery;

/** Small helpers of the delivery pages. */
final class DeliveryPages {

    private DeliveryPages() {
    }

    /** The delivery id of a view parameter, or null when it is not a positive number. */
    static Long parseId(String value) {
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
