package dev.switchboard.cli.bench;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.transfer.DemoScenario;
import dev.switchboard.daily.migration.MigrationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code switchboard bench}: measures migration speed against the embedded emulator enforcing Daily's
 * documented limits, prints the figures and checks them against the targets of docs/benchmark.md.
 */
@Command(name = BenchCommand.NAME,
        description = BenchCommand.SUMMARY)
public final class BenchCommand implements Callable<Integer> {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "bench";
    public static final String SUMMARY =
            "Benchmark the migration on the embedded emulator with Daily's rate limits (20 requests/s and "
            + "100 per 5 s per key): a small migration (40 numbers, every kind of config) as a user runs it, "
            + "apply at the limit, the original utility's sequential pace, planning a 10,000-number domain, and "
            + "a 10,000-entry apply in a 256 MB heap. Prints figures and PASS/FAIL per target (exit 1 when one "
            + "fails). Takes a few minutes.";

    /** The parts of the benchmark, in the order they run. */
    enum Scenario { SMALL, APPLY, SEQUENTIAL, PLAN, MEMORY }

    static final Duration ORIGINAL_PAUSE = Duration.ofSeconds(2);
    static final double MAX_APPLY_RATIO = 1.05;
    static final Duration MAX_GAP_P99 = Duration.ofSeconds(1);
    static final double MAX_WRITES_PER_ENTRY = 3.0;
    static final double MAX_REQUESTS_PER_ENTRY = 3.05;
    static final double MAX_PLAN_RATIO = 1.1;
    static final double MAX_SMALL_REQUESTS_PER_ENTRY = 3.3;
    static final double MAX_SMALL_RATIO = 1.25;
    static final double MAX_SMALL_PLAN_NOW_RATIO = 1.1;

    private final CliContext context;

    @Option(names = "--n", paramLabel = "N", defaultValue = "1000",
            description = "Entries (numbers with configs) in the timed apply (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--sequential-n", paramLabel = "N", defaultValue = "20",
            description = "Entries in the run at the original utility's pace: one at a time, 2 s apart (default: ${DEFAULT-VALUE}).")
    int sequentialN;

    @Option(names = "--plan-size", paramLabel = "N", defaultValue = "10000",
            description = "Numbers and configs on the source for the plan timing (default: ${DEFAULT-VALUE}).")
    int planSize;

    @Option(names = "--memory-n", paramLabel = "N", defaultValue = "10000",
            description = "Entries in the memory check's apply (default: ${DEFAULT-VALUE}).")
    int memoryN;

    @Option(names = "--max-rps", paramLabel = "N", defaultValue = "20",
            description = "The client's cap per key (default: ${DEFAULT-VALUE}, Daily's limit; transfer apply defaults to 16).")
    int maxRps;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Entries at once in the timed apply (default: automatic, as transfer apply).")
    Integer concurrency;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the emulator and the generated hmacs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME",
            description = "Run only these parts (comma-separated): small, apply, sequential, plan, memory "
                    + "(default: all; the --skip options then remove parts).")
    java.util.List<Scenario> scenarios = new java.util.ArrayList<>();

    @Option(names = "--timeline", paramLabel = "DIR",
            description = "Write the timelines of the small runs and the plan (process starts and exits, output "
                    + "lines, every request the emulator logged, in ms) to tab-separated files in DIR.")
    java.nio.file.Path timelineDir;

    @Option(names = "--plain-jvm",
            description = "Run the small migration's commands as plain 'java -cp' (default: as the release runs "
                    + "them: its launcher's JVM options and a class-data archive from an untimed training run).")
    boolean plainJvm;

    @Option(names = "--skip-apply", description = "Skip the timed apply (and the speed-up, which needs it).")
    boolean skipApply;

    @Option(names = "--skip-sequential", description = "Skip the run at the original utility's pace.")
    boolean skipSequential;

    @Option(names = "--skip-plan", description = "Skip the plan timing.")
    boolean skipPlan;

    @Option(names = "--skip-memory", description = "Skip the memory check.")
    boolean skipMemory;

    @Option(names = "--skip-small", description = "Skip the small migration.")
    boolean skipSmall;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (n < 1 || sequentialN < 1 || planSize < 1 || memoryN < 1 || maxRps < 1
                || (concurrency != null && concurrency < 1)) {
            throw CliException.invalidInput("--n, --sequential-n, --plan-size, --memory-n, --max-rps and "
                    + "--concurrency must be at least 1");
        }
        int largest = Math.max(Math.max(n, sequentialN), Math.max(planSize, memoryN));
        if (largest > BenchWorld.maxNumbers()) {
            throw CliException.invalidInput("at most " + BenchWorld.maxNumbers() + " numbers per scenario");
        }
        PrintWriter out = context.out();
        BenchReport report = new BenchReport(out);
        out.printf(Locale.ROOT, "Switchboard benchmark: embedded emulator enforcing Daily's limits (20 requests/s and "
                + "100 per 5 s per key); client capped at %d requests/s per key; seed %d%n", maxRps, seed);
        out.printf(Locale.ROOT, "Machine: %d cores, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        if (runs(Scenario.SMALL, skipSmall)) {
            small(report);
        }
        ApplyBench.Figures concurrent = runs(Scenario.APPLY, skipApply) ? apply(report) : null;
        ApplyBench.Figures sequential = runs(Scenario.SEQUENTIAL, skipSequential) ? sequential(report) : null;
        if (concurrent != null && sequential != null) {
            double speedUp = sequential.secondsPerEntry() / concurrent.secondsPerEntry();
            report.header("Speed-up per entry");
            report.line("sequential / concurrent", String.format(Locale.ROOT, "%.3f s / %.3f s = %.1fx",
                    sequential.secondsPerEntry(), concurrent.secondsPerEntry(), speedUp));
        }
        if (runs(Scenario.PLAN, skipPlan)) {
            plan(report);
        }
        if (runs(Scenario.MEMORY, skipMemory)) {
            memory(report);
        }
        return report.summary() ? ExitCode.OK : ExitCode.FAILED;
    }

    private boolean runs(Scenario scenario, boolean skipped) {
        return !skipped && (scenarios.isEmpty() || scenarios.contains(scenario));
    }

    private void small(BenchReport report) throws Exception {
        report.header("Small: " + SmallBench.numbers() + " numbers with every kind of config, as a user runs it, at most "
                + maxRps + " requests/s per key");
        ChildJvm.Mode mode;
        try (BenchWorld world = BenchWorld.start(SmallBench.state(), DemoScenario.SOURCE_KEY, DemoScenario.TARGET_KEY,
                seed, true)) {
            mode = SmallBench.childJvm(!plainJvm, world, maxRps);
        }
        report.line("commands run", mode.describe());
        report.line("one JVM start (switchboard --version)", BenchReport.seconds(SmallBench.jvmStart(mode)));
        SmallBench.Figures two;
        try (BenchWorld world = BenchWorld.start(SmallBench.state(), DemoScenario.SOURCE_KEY, DemoScenario.TARGET_KEY,
                seed, true)) {
            two = SmallBench.twoProcesses(mode, world, maxRps, timelineDir);
        }
        report.small(two);
        SmallBench.Figures now;
        try (BenchWorld world = BenchWorld.start(SmallBench.state(), DemoScenario.SOURCE_KEY, DemoScenario.TARGET_KEY,
                seed, true)) {
            now = SmallBench.planNow(mode, world, maxRps, timelineDir);
        }
        report.small(now);
        for (SmallBench.Figures f : java.util.List.of(two, now)) {
            report.target("small, " + f.how() + ": all migrated", f.verified() + "/" + f.entries(), "all",
                    f.failures().isEmpty() && f.entries() > 0 && f.verified() == f.entries());
        }
        report.target("small: requests per plan entry", fmt("%.2f", two.requestsPerEntry()),
                "<= " + MAX_SMALL_REQUESTS_PER_ENTRY, two.requestsPerEntry() <= MAX_SMALL_REQUESTS_PER_ENTRY);
        report.target("small: plan + apply wall / floor", fmt("%.3f", two.ratio()), "<= " + MAX_SMALL_RATIO,
                two.ratio() <= MAX_SMALL_RATIO);
        report.target("small: --plan-now wall / floor", fmt("%.3f", now.ratio()), "<= " + MAX_SMALL_PLAN_NOW_RATIO,
                now.ratio() <= MAX_SMALL_PLAN_NOW_RATIO);
    }

    private ApplyBench.Figures apply(BenchReport report) throws Exception {
        report.header("Apply: " + n + " entries with configs, concurrent, at most " + maxRps + " requests/s per key");
        ApplyBench.Figures f;
        try (BenchWorld world = BenchWorld.start(n, seed, true)) {
            f = ApplyBench.run(world, maxRps, concurrency == null ? MigrationOptions.AUTO_CONCURRENCY : concurrency,
                    Duration.ZERO);
        }
        report.apply(f);
        boolean allDone = f.migrated() == f.entries() && f.verified() == f.entries();
        report.target("apply: every entry migrated", f.verified() + "/" + f.entries(), "all", allDone);
        report.target("apply: wall / floor", fmt("%.3f", f.ratio()), "<= " + MAX_APPLY_RATIO,
                f.ratio() <= MAX_APPLY_RATIO);
        report.target("apply: routing gap p99", BenchReport.millis(f.gap(99)), "<= " + MAX_GAP_P99.toMillis() + " ms",
                f.gap(99).compareTo(MAX_GAP_P99) <= 0);
        report.target("apply: requests per entry", fmt("%.2f", f.requestsPerEntry()), "<= " + MAX_REQUESTS_PER_ENTRY,
                f.requestsPerEntry() <= MAX_REQUESTS_PER_ENTRY);
        report.target("apply: write requests per entry", fmt("%.2f", f.writesPerEntry()), "<= 3",
                f.writesPerEntry() <= MAX_WRITES_PER_ENTRY);
        return f;
    }

    private ApplyBench.Figures sequential(BenchReport report) throws Exception {
        report.header("Sequential, like the original utility: " + sequentialN + " entries, one at a time, "
                + ORIGINAL_PAUSE.toSeconds() + " s apart");
        ApplyBench.Figures f;
        try (BenchWorld world = BenchWorld.start(sequentialN, seed, true)) {
            f = ApplyBench.run(world, maxRps, 1, ORIGINAL_PAUSE);
        }
        report.apply(f);
        report.target("sequential: every entry migrated", f.verified() + "/" + f.entries(), "all",
                f.migrated() == f.entries() && f.verified() == f.entries());
        return f;
    }

    private void plan(BenchReport report) throws Exception {
        report.header("Plan: a source with " + planSize + " numbers and " + planSize + " configs");
        PlanBench.Figures f;
        try (BenchWorld world = BenchWorld.start(planSize, seed, true)) {
            f = PlanBench.run(world, maxRps, timelineDir);
        }
        report.plan(f);
        report.target("plan: wall / floor", fmt("%.3f", f.ratio()), "<= " + MAX_PLAN_RATIO, f.ratio() <= MAX_PLAN_RATIO);
    }

    private void memory(BenchReport report) throws Exception {
        report.header("Memory: apply of " + memoryN + " entries in a child JVM with " + MemoryBench.HEAP
                + " (emulator rate limits off)");
        MemoryBench.Figures f;
        try (BenchWorld world = BenchWorld.start(memoryN, seed, false)) {
            f = MemoryBench.run(world);
        }
        report.memory(f);
        report.target("memory: " + memoryN + " entries, " + MemoryBench.HEAP,
                BenchReport.mebibytes(f.peakAfterGc()) + " live", "finishes, all migrated", f.finished());
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
