package dev.switchboard.cli.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns whatever escaped a command into one line on stderr and an exit code. User-facing failures
 * ({@link CliException}, provider errors) print their message; anything else is a bug and says how
 * to get the stack trace ({@code --debug}).
 */
public final class ErrorReporter {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private final PrintWriter err;
    private final boolean debug;
    private final boolean json;

    public ErrorReporter(PrintWriter err, boolean debug) {
        this(err, debug, false);
    }

    /** With {@code json} (under {@code -o json}) the error is one JSON object on stderr, see {@link #json}. */
    public ErrorReporter(PrintWriter err, boolean debug, boolean json) {
        this.err = err;
        this.debug = debug;
        this.json = json;
    }

    /** {@code {"error":{"code":"invalid_input","message":"...","exit":2}}} on one line. */
    public static String json(int exitCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", ExitCode.name(exitCode));
        error.put("message", message);
        error.put("exit", exitCode);
        try {
            return COMPACT.writeValueAsString(Map.of("error", error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON error", e);
        }
    }

    public int report(Throwable failure) {
        int code = ErrorMapping.exitCode(failure);
        String message = ErrorMapping.message(failure);
        if (json) {
            err.println(json(code, message));
            if (debug) {
                failure.printStackTrace(err);
            }
            err.flush();
            return code;
        }
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
