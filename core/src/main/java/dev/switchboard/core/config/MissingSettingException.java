package dev.switchboard.core.config;

/**
 * A required setting (environment variable or {@code .env} entry) is absent or empty. The message is
 * one line naming the variable and how to provide it; it never contains a value.
 */
public final class MissingSettingException extends IllegalStateException {
    private final String name;

    public MissingSettingException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** The variable's name, e.g. {@code DAILY_SOURCE_API_KEY}. */
    public String name() {
        return name;
    }
}
