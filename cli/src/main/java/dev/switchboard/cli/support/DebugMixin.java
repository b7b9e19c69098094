package dev.switchboard.cli.support;

import picocli.CommandLine.Option;

import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --debug}, or {@code SWITCHBOARD_DEBUG=1} in the environment: a redacted trace of every HTTP exchange
 * (or, for the emulator, every request served) and stack traces, on stderr.
 */
public final class DebugMixin {
    public static final String VARIABLE = "SWITCHBOARD_DEBUG";

    private final CliContext context;

    @Option(names = "--debug",
            description = "Print a redacted trace of every HTTP exchange, and stack traces, to stderr "
                    + "(also: SWITCHBOARD_DEBUG=1).")
    boolean debug;

    public DebugMixin(CliContext context) {
        this.context = context;
    }

    public boolean on() {
        return debug || requested(context.environment());
    }

    /** Where the HTTP layer sends its trace, or null when debugging is off. */
    public Consumer<String> sink() {
        return DebugTrace.sink(context, on());
    }

    /** Whether the environment asks for debugging: {@code SWITCHBOARD_DEBUG} set to anything but empty, 0 or false. */
    public static boolean requested(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        return value != null && !value.isBlank() && !value.strip().equals("0") && !value.strip().equalsIgnoreCase("false");
    }
}
