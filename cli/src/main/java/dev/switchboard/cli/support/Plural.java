package dev.switchboard.cli.support;

/** "1 number", "2 numbers": counts in messages, without "number(s)". */
public final class Plural {
    private Plural() {
    }

    /** {@code count} and the noun, adding an s unless the count is one. */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    /** {@code count} and the singular or plural form given (entry/entries). */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
