package dev.switchboard.cli.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns whatever escaped a command into one line on stderr and an exit code. User-facing failures
 * ({@link CliException}, provider errors) print their message; anything else is a bug and says how
 * to get the stack trace ({@code --debug}).
 */
public final class ErrorReporter {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private final PrintWriter err;
    private final boolean debug;
    private final String debugHint;
    private final Function<String, Optional<String>> keyNames;
    private boolean json;

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

    /** Under {@code -o json}: the error becomes one JSON object on stderr ({@link #json(int, String, List)}). */
    public ErrorReporter json(boolean asJson) {
        this.json = asJson;
        return this;
    }

    /**
     * {@code {"error":{"code":"invalid_input","message":"...","exit":2}}} on one line; {@code details} (the
     * lines a plain report indents below the message) are added as an array when there are any.
     */
    public static String json(int exitCode, String message, List<String> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", ExitCode.name(exitCode));
        error.put("message", message);
        error.put("exit", exitCode);
        if (!details.isEmpty()) {
            error.put("details", details);
        }
        try {
            return COMPACT.writeValueAsString(Map.of("error", error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON error", e);
        }
    }

    public int report(Throwable failure) {
        int code = ErrorMapping.exitCode(failure);
        String message = ErrorMapping.message(failure, keyNames);
        if (json) {
            err.println(json(code, message, failure instanceof CliException cli ? cli.details() : List.of()));
            if (debug) {
                failure.printStackTrace(err);
            }
            err.flush();
            return code;
        }
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
