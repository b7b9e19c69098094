package dev.switchboard.cli.bench;

import dev.switchboard.cli.transfer.DemoScenario;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.PlanVerifier;
import dev.switchboard.daily.migration.TransferPlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The "small" scenario: what most users do. A source of 40 numbers with every kind of config (the demo's
 * domain with 24 plain modern pinless configs: 26 modern pinless in all, 5 pin, 4 legacy pinless, 2 legacy
 * pin, 3 numbers without config, a modern and a legacy SIP-only config, an orphan; 42 plan entries), run as
 * a user runs it: {@code switchboard transfer plan} and {@code switchboard transfer apply --yes} as two
 * processes (two JVM starts), or {@code transfer apply --plan-now --yes} as one. Wall time from the first
 * process's start to the last one's exit; requests from the emulator's log.
 */
final class SmallBench {
    static final int MODERN_PINLESS = 24;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private SmallBench() {
    }

    /** One run: its processes' wall time, requests and outcome. */
    record Figures(String how, int entries, int verified, double ratePerKey, Duration wall, RequestTally requests,
                   List<String> failures) implements RateBoundRun {
    }

    static String state() {
        return DemoScenario.state(MODERN_PINLESS);
    }

    static int numbers() {
        return DemoScenario.numberCount(MODERN_PINLESS);
    }

    /** How long one JVM start of the CLI takes here ({@code switchboard --version}), for reference. */
    static Duration jvmStart() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("switchboard-bench-small-");
        long started = System.nanoTime();
        run(new Timeline(), dir, List.of(), "--version");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code transfer plan} then {@code transfer apply}, two processes. */
    static Figures twoProcesses(BenchWorld world, int maxRps, Path timelineDir) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("switchboard-bench-small-");
        List<String> env = env(world);
        long seq = world.lastRequestSeq();
        Timeline timeline = new Timeline();
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        failures.addAll(run(timeline, dir, env, "transfer", "plan", "--all", "--include-sip-only", "--room-creation-api",
                DemoScenario.NEW_WEBHOOK, "--max-rps", String.valueOf(maxRps)));
        failures.addAll(run(timeline, dir, env, "transfer", "apply", "--yes", "--max-rps", String.valueOf(maxRps)));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        writeTimeline(timeline, world, seq, timelineDir, "small-two-jvms.tsv");
        return figures("plan, then apply (two JVMs)", world, dir, seq, maxRps, wall, failures);
    }

    /** {@code transfer apply --plan-now}, one process. */
    static Figures planNow(BenchWorld world, int maxRps, Path timelineDir) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("switchboard-bench-small-");
        List<String> env = env(world);
        long seq = world.lastRequestSeq();
        Timeline timeline = new Timeline();
        long started = System.nanoTime();
        List<String> failures = run(timeline, dir, env, "transfer", "apply", "--plan-now", "--all", "--include-sip-only",
                "--room-creation-api", DemoScenario.NEW_WEBHOOK, "--yes", "--max-rps", String.valueOf(maxRps));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        writeTimeline(timeline, world, seq, timelineDir, "small-plan-now.tsv");
        return figures("apply --plan-now (one JVM)", world, dir, seq, maxRps, wall, failures);
    }

    private static Figures figures(String how, BenchWorld world, Path dir, long seq, int maxRps, Duration wall,
                                   List<String> failures) throws IOException, InterruptedException {
        RequestTally tally = world.tallySince(seq);
        Path planFile = dir.resolve("transfer_plan.json");
        if (!Files.exists(planFile)) {
            return new Figures(how, 0, 0, maxRps, wall, tally, failures);
        }
        TransferPlan plan = PlanCodec.read(planFile);
        MigrationClients clients = world.clients(0);
        int verified = (int) PlanVerifier.verify(plan, clients.source(), clients.target()).stream()
                .filter(PlanVerifier.Row::ok).count();
        return new Figures(how, plan.entries().size(), verified, maxRps, wall, tally, failures);
    }

    private static List<String> env(BenchWorld world) {
        return List.of("DAILY_SOURCE_API_KEY=" + world.sourceKey(), "DAILY_TARGET_API_KEY=" + world.targetKey(),
                "DAILY_API_URL=" + world.baseUri());
    }

    /** Runs the CLI in a child JVM; returns its output when it failed (empty when it exited 0). */
    private static void writeTimeline(Timeline timeline, BenchWorld world, long seq, Path timelineDir, String name)
            throws IOException, InterruptedException {
        if (timelineDir != null) {
            Files.createDirectories(timelineDir);
            timeline.write(timelineDir.resolve(name), world.requestsSince(seq), world.sourceKey(), world.targetKey());
        }
    }

    private static List<String> run(Timeline timeline, Path dir, List<String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-cp", ChildJvm.classPath(),
                "dev.switchboard.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("DAILY_"));
        for (String pair : env) {
            String[] parts = pair.split("=", 2);
            builder.environment().put(parts[0], parts[1]);
        }
        timeline.mark("start " + args[0] + (args.length > 1 ? " " + args[1] : ""));
        Process child = builder.start();
        List<String> output = new ArrayList<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                timeline.mark("output: " + (line.length() > 100 ? line.substring(0, 100) + "..." : line));
                output.add(line);
            }
        }
        if (!child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            child.waitFor();
        }
        timeline.mark("exit " + args[0] + (args.length > 1 ? " " + args[1] : "") + " (" + child.exitValue() + ")");
        if (child.exitValue() == 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" ", args) + ": exit " + child.exitValue());
        lines.addAll(output);
        return lines;
    }
}
