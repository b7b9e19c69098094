package dev.switchboard.cli.support;

/**
 * A failure the user can act on: printed as one line ({@code switchboard: <message>}) with no stack
 * trace, and turned into its exit code. Anything else escaping a command is a bug.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
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
