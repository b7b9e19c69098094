package dev.switchboard.cli.support;

import java.io.PrintWriter;

/**
 * Turns whatever escaped a command into one line on stderr and an exit code. User-facing failures
 * ({@link CliException}, provider errors) print their message; anything else is a bug and says how
 * to get the stack trace ({@code --debug}).
 */
public final class ErrorReporter {
    private final PrintWriter err;
    private final boolean debug;

    public ErrorReporter(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    public int report(Throwable failure) {
        int code = ErrorMapping.exitCode(failure);
        String message = ErrorMapping.message(failure);
        err.println("switchboard: " + message);
        if (debug) {
            failure.printStackTrace(err);
        } else if (code == ExitCode.INTERNAL) {
            err.println("switchboard: this is a bug; rerun with --debug for the stack trace and report it");
        }
        err.flush();
        return code;
    }
}
