package dev.switchboard.signalwire;

/**
 * Substring filters for {@code GET /phone_numbers}: {@code filter_name} on the name and
 * {@code filter_number} on the number. Either may be null.
 */
public record NumberFilter(String name, String number) {
    public static NumberFilter all() {
        return new NumberFilter(null, null);
    }

    public static NumberFilter byName(String name) {
        return new NumberFilter(name, null);
    }

    public static NumberFilter byNumber(String number) {
        return new NumberFilter(null, number);
    }

    public boolean isEmpty() {
        return (name == null || name.isEmpty()) && (number == null || number.isEmpty());
    }
}
