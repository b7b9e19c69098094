package dev.switchboard.cli.support;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns whatever escaped a command into one line on stderr and an exit code. User-facing failures
 * ({@link CliException}, provider errors) print their message; anything else is a bug and says how
 * to get the stack trace ({@code --debug}).
 */
public final class ErrorReporter {
    private final PrintWriter err;
    private final boolean debug;
    private final String debugHint;
    private final Function<String, Optional<String>> keyNames;

    public ErrorReporter(PrintWriter err, boolean debug) {
        this(err, debug, "--debug", fingerprint -> Optional.empty());
    }

    /**
     * @param debugHint how to ask this command for a stack trace (a flag it has, or an environment variable)
     * @param keyNames  the setting holding a key, by fingerprint, to name a rejected key
     */
    public ErrorReporter(PrintWriter err, boolean debug, String debugHint, Function<String, Optional<String>> keyNames) {
        this.err = err;
        this.debug = debug;
        this.debugHint = debugHint;
        this.keyNames = keyNames;
    }

    /** An error reporter for commands run in {@code context}. */
    public static ErrorReporter of(CliContext context, boolean debug, String debugHint) {
        return new ErrorReporter(context.err(), debug, debugHint, fingerprint -> CredentialNames.nameOf(context, fingerprint));
    }

    public int report(Throwable failure) {
        int code = ErrorMapping.exitCode(failure);
        String message = ErrorMapping.message(failure, keyNames);
        err.println("switchboard: " + message);
        if (failure instanceof CliException cli) {
            cli.details().forEach(line -> err.println("  " + line));
        }
        if (debug) {
            failure.printStackTrace(err);
        } else if (code == ExitCode.INTERNAL) {
            err.println("switchboard: this is a bug; rerun with " + debugHint + " for the stack trace and report it");
        }
        err.flush();
        return code;
    }
}
