package dev.switchboard.cli.support;

import java.util.function.Consumer;

/**
 * Where {@code --debug} sends the HTTP trace: stderr, one line per request and response, already
 * redacted by the HTTP layer (keys, tokens and hmacs never appear).
 */
public final class DebugTrace {
    private DebugTrace() {
    }

    /** The trace sink for a command, or null when {@code --debug} is off (the HTTP layer then traces nothing). */
    public static Consumer<String> sink(CliContext context, boolean debug) {
        if (!debug) {
            return null;
        }
        return line -> {
            synchronized (context.err()) {
                context.err().println(line);
                context.err().flush();
            }
        };
    }
}
