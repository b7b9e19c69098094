package dev.switchboard.cli.rehearsal;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.SkippingTime;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RequestLogEntry;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Runs a command's rehearsal: takes a fresh snapshot of the accounts the command works on, starts an embedded
 * emulator on it (rate limits on, ticking clock set to now), runs the same command line there in a temporary
 * working directory with fake credentials, prints its output marked as a rehearsal, the requests per key and the
 * predicted wall time, and asks before the real run. The rehearsal's requests go to the emulator only; the real
 * accounts see the snapshot's GETs.
 *
 * <p>The emulator's rate limits and the rehearsal's client budgets count in one {@link SkippingTime}: the budgets
 * keep every window in that time, but their waits move it forward instead of passing, so a rehearsal takes the
 * emulator's work time, not the rate limit's.
 */
public final class Rehearsal {
    static final String PREFIX = "rehearsal | ";

    private final CliContext context;
    private final ParseResult command;
    private final RehearseMixin options;
    private final BiFunction<CliContext, String[], Integer> runner;

    private Rehearsal(CliContext context, ParseResult command, RehearseMixin options,
                      BiFunction<CliContext, String[], Integer> runner) {
        this.context = context;
        this.command = command;
        this.options = options;
        this.runner = runner;
    }

    /**
     * Before the command of {@code parsed} runs: if it asked for {@code --rehearse}, rehearse it with {@code runner}
     * (which runs a command line in a context, as {@code Main.run} does). Returns null to go on with the real run,
     * or the exit code to stop with.
     */
    public static Integer beforeRun(CliContext context, ParseResult parsed,
                                    BiFunction<CliContext, String[], Integer> runner) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        RehearseMixin mixin = mixins(last.commandSpec(), RehearseMixin.class).findFirst().orElse(null);
        if (mixin == null || !mixin.requested()) {
            return null;
        }
        return new Rehearsal(context, last, mixin, runner).run(parsed.originalArgs());
    }

    private Integer run(List<String> originalArgs) {
        CommandSpec spec = command.commandSpec();
        Env env = context.settings();
        Accounts accounts = Accounts.forCommand(spec.qualifiedName(), env);
        Instant now = context.clock().instant();
        PrintWriter err = context.err();
        err.println("Rehearsal: taking a snapshot of " + accounts.describe() + " (read-only)");
        err.flush();
        Snapshot snapshot = Snapshot.take(env, accounts, new Snapshot.SignalWireTarget(
                stringOption(spec, RehearsalArgs.SPACE_URL), stringOption(spec, "--project")), now, (int) maxRps());
        Outcome outcome;
        Path directory = temporaryDirectory();
        SkippingTime time = new SkippingTime();
        try (Emulator emulator = Emulator.builder().tickingClock(now).rateLimitTime(time::nanos)
                .stateJson(snapshot.state().toString()).start()) {
            outcome = rehearse(snapshot, emulator, directory, originalArgs, time);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the rehearsal's emulator: " + e.getMessage(), e);
        } finally {
            deleteRecursively(directory);
        }
        report(outcome, err);
        return decide(outcome);
    }

    private record Outcome(int exitCode, Duration took, Duration skipped, WallTimePrediction prediction) {
    }

    private Outcome rehearse(Snapshot snapshot, Emulator emulator, Path directory, List<String> originalArgs,
                             SkippingTime time) {
        Set<String> dropped = new HashSet<>();
        mixins(command.commandSpec(), RehearsalInputs.class).forEach(inputs -> {
            dropped.addAll(inputs.rehearsalDroppedOptions());
            inputs.rehearsalCopies(context).forEach((real, copy) -> copyIfExists(real, directory.resolve(copy)));
        });
        List<String> args = RehearsalArgs.rewrite(originalArgs, dropped, emulator.signalwireSpaceUri());
        Map<String, String> environment = new HashMap<>(context.environment());
        Stream.of(Accounts.DAILY_KEY, Accounts.SOURCE_KEY, Accounts.TARGET_KEY, Accounts.SIGNALWIRE_PROJECT,
                Accounts.SIGNALWIRE_TOKEN, Accounts.SIGNALWIRE_SPACE, "DAILY_API_URL",
                dev.switchboard.cli.profiles.ConfigFile.PROFILE_VARIABLE).forEach(environment::remove);
        environment.put("XDG_CONFIG_HOME", directory.resolve("config").toString());
        environment.putAll(snapshot.environment(emulator.dailyBaseUri(), emulator.signalwireSpaceUri()));
        PrintWriter marked = PrefixedWriter.of(context.err(), PREFIX);
        CliContext rehearsal = new CliContext(marked, marked, new BufferedReader(new StringReader("")), false,
                Map.copyOf(environment), directory, context.clock(), new RateBudgetRegistry(time, time));
        context.err().println("Rehearsal: running '" + command.commandSpec().qualifiedName() + "' on the emulated copy "
                + "(rate limits on, their waits skipped; clock at now; nothing real changes)");
        context.err().flush();
        long started = System.nanoTime();
        int exit = runner.apply(rehearsal, args.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        marked.flush();
        List<RequestLogEntry> requests = emulator.admin().requests();
        return new Outcome(exit, took, time.skipped(),
                WallTimePrediction.of(requests, snapshot.credentials(), maxRps()));
    }

    private void report(Outcome outcome, PrintWriter err) {
        err.println("Rehearsal " + (outcome.exitCode() == ExitCode.OK ? "succeeded" : "FAILED (exit "
                + outcome.exitCode() + ", " + ExitCode.name(outcome.exitCode()) + ")") + " in "
                + seconds(outcome.took()) + (outcome.skipped().isZero() ? ""
                : " (" + seconds(outcome.skipped()) + " of rate-limit waits skipped)"));
        WallTimePrediction prediction = outcome.prediction();
        for (WallTimePrediction.KeyLoad load : prediction.loads()) {
            err.println("  " + load.account() + ": " + load.requests() + " requests (" + load.writes() + " writes), "
                    + Math.round(load.rate()) + " requests/s at most: " + seconds(load.floor()));
        }
        if (prediction.boundBy() != null) {
            err.println("Predicted wall time of the real run" + (prediction.maxRps() > 0
                    ? " at --max-rps " + Math.round(prediction.maxRps()) : "") + ": at least "
                    + seconds(prediction.predicted()) + " (bound by " + prediction.boundBy()
                    + "'s rate limit; latency comes on top)");
        }
        err.flush();
    }

    /** Null to go on with the real run; otherwise throws (the command stops). */
    private Integer decide(Outcome outcome) {
        int exit = outcome.exitCode();
        if (exit == ExitCode.INVALID_INPUT) {
            throw CliException.invalidInput("the rehearsal refused the command line (see above); nothing was changed");
        }
        if (exit != ExitCode.OK) {
            if (!options.force()) {
                throw CliException.failed("the rehearsal failed (see above); nothing real was changed. Resolve what it "
                        + "reports and rehearse again, or pass --force to run anyway");
            }
            context.err().println("The rehearsal failed; --force: going on with the real run");
        }
        boolean yes = command.hasMatchedOption("--yes");
        new Prompter(context, yes).require("Rehearsed. Run '" + command.commandSpec().qualifiedName()
                + "' for real?");
        return null;
    }

    private double maxRps() {
        OptionSpec option = command.commandSpec().findOption("--max-rps");
        Object value = option == null ? null : option.getValue();
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static String stringOption(CommandSpec spec, String name) {
        OptionSpec option = spec.findOption(name);
        Object value = option == null ? null : option.getValue();
        return value == null ? null : value.toString();
    }

    private static <T> Stream<T> mixins(CommandSpec spec, Class<T> type) {
        return spec.mixins().values().stream().map(CommandSpec::userObject).filter(type::isInstance).map(type::cast);
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("switchboard-rehearsal-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rehearsal's directory: " + e.getMessage(), e);
        }
    }

    private static void copyIfExists(Path real, Path copy) {
        try {
            if (Files.isRegularFile(real)) {
                Files.createDirectories(copy.getParent());
                Files.copy(real, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + real + " for the rehearsal: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the rehearsal's directory " + directory, e);
        }
    }
}
