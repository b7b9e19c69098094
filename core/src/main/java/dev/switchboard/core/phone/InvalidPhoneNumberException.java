package dev.switchboard.core.phone;

/**
 * A string that is not a usable E.164 phone number. The message is a single line naming the input
 * (control characters escaped, long input shortened) and the reason.
 */
public final class InvalidPhoneNumberException extends IllegalArgumentException {
    private static final int MAX_SHOWN_INPUT = 40;

    private final String input;
    private final String reason;

    public InvalidPhoneNumberException(String input, String reason) {
        super("invalid phone number " + quote(input) + ": " + reason);
        this.input = input;
        this.reason = reason;
    }

    /** The raw input as given (may be {@code null}). */
    public String input() {
        return input;
    }

    /** Why the input was rejected, without the input itself. */
    public String reason() {
        return reason;
    }

    private static String quote(String input) {
        if (input == null) {
            return "(null)";
        }
        StringBuilder shown = new StringBuilder("\"");
        int limit = Math.min(input.length(), MAX_SHOWN_INPUT);
        for (int i = 0; i < limit; i++) {
            char c = input.charAt(i);
            if (Character.isISOControl(c) || c == '"' || c == '\\') {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (input.length() > limit) {
            shown.append("...");
        }
        return shown.append('"').toString();
    }
}
