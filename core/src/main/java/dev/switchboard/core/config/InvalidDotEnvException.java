package dev.switchboard.core.config;

/**
 * A {@code .env} file that cannot be parsed. The message names the file, the line and the problem, but
 * never the line's content, which may hold a secret.
 */
public final class InvalidDotEnvException extends IllegalStateException {
    private final int line;

    public InvalidDotEnvException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line number of the problem. */
    public int line() {
        return line;
    }
}
