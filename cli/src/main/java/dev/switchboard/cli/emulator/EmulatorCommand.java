package dev.switchboard.cli.emulator;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.EmulatorBuilder;
import dev.switchboard.cli.support.DebugMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.time.Duration;

/** {@code switchboard emulator}: the provider emulator as a standalone server, until stopped. */
@Command(name = EmulatorCommand.NAME,
        description = {EmulatorCommand.SUMMARY,
                "Point a command at it with DAILY_API_URL=http://127.0.0.1:PORT/v1 and one of the printed keys "
                        + "(the emulator's own fake keys). Admin API, state and fault file formats: "
                        + "man switchboard-emulator."})
public final class EmulatorCommand implements Callable<Integer> {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "emulator";
    public static final String SUMMARY =
            "Runs the emulator of the Daily and SignalWire REST APIs here until stopped (Ctrl-C).";

    private static final Duration TRACE_INTERVAL = Duration.ofMillis(200);

    private final CliContext context;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8750", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--state", paramLabel = "FILE", description = "Initial state (JSON). Default: the demo state.")
    Path state;

    @Option(names = "--faults", paramLabel = "FILE", description = "Fault rules to inject from the start (JSON).")
    Path faults;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed for ids, secrets and fault draws, so a run repeats (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-rate-limits", description = "Serve without Daily's rate limits (20/s and 100 per 5 s per key).")
    boolean noRateLimits;

    @Option(names = "--retry-after", description = "Send a Retry-After header with 429 answers (Daily does not document one).")
    boolean retryAfter;

    @Mixin
    DebugMixin debug;

    public EmulatorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        EmulatorBuilder builder = Emulator.builder().host(host).port(port).seed(seed).retryAfterHeader(retryAfter);
        if (noRateLimits) {
            builder.disableRateLimits();
        }
        if (state != null) {
            load(() -> builder.stateFile(existing(state, "--state")), "--state " + state);
        } else {
            builder.demoState();
        }
        if (faults != null) {
            load(() -> builder.faultsFile(existing(faults, "--faults")), "--faults " + faults);
        }
        Emulator emulator;
        try {
            emulator = builder.start();
        } catch (java.net.BindException e) {
            throw CliException.precondition("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); pick another --port");
        }
        try (emulator) {
            EmulatorBanner.print(context.out(), emulator);
            context.out().flush();
            RequestTrace trace = new RequestTrace(emulator, context.err());
            while (true) {
                Thread.sleep(TRACE_INTERVAL.toMillis());
                if (debug.on()) {
                    trace.printNew();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }

    private static void load(Runnable step, String what) {
        try {
            step.run();
        } catch (CliException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CliException.invalidInput(what + ": " + e.getMessage());
        }
    }

    private Path existing(Path path, String option) {
        Path resolved = context.workDir().resolve(path);
        if (!Files.isRegularFile(resolved)) {
            throw CliException.invalidInput(option + " " + path + ": no such file");
        }
        return resolved;
    }
}
