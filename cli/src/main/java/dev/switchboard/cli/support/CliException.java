package dev.switchboard.cli.support;

/**
 * A failure the user can act on: printed as one line ({@code switchboard: <message>}) with no stack
 * trace, and turned into its exit code. Anything else escaping a command is a bug.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;
    private final java.util.List<String> details;

    public CliException(int exitCode, String message) {
        this(exitCode, message, null, java.util.List.of());
    }

    public CliException(int exitCode, String message, Throwable cause) {
        this(exitCode, message, cause, java.util.List.of());
    }

    /** With {@code details}: lines printed (indented) below the one-line message, e.g. the first problems of many. */
    public CliException(int exitCode, String message, Throwable cause, java.util.List<String> details) {
        super(message, cause);
        this.exitCode = exitCode;
        this.details = java.util.List.copyOf(details);
    }

    /** Lines that follow the message, most important first (empty for most failures). */
    public java.util.List<String> details() {
        return details;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException invalidInput(String message) {
        return new CliException(ExitCode.INVALID_INPUT, message);
    }

    public static CliException precondition(String message) {
        return new CliException(ExitCode.PRECONDITION, message);
    }

    public static CliException failed(String message) {
        return new CliException(ExitCode.FAILED, message);
    }

    public static CliException credentials(String message) {
        return new CliException(ExitCode.CREDENTIALS, message);
    }
}
