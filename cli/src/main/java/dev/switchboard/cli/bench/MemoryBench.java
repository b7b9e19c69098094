package dev.switchboard.cli.bench;

import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.migration.Discovery;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.PlanVerifier;
import dev.switchboard.daily.migration.Planner;
import dev.switchboard.daily.migration.TransferPlan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The memory check: a large apply in a child JVM with a small heap ({@value #HEAP}), against this process's
 * emulator with rate limits off (at 20 requests per second 10,000 entries would take over half an hour).
 * It passes when the child finishes, every entry is migrated, and the domains verify.
 */
final class MemoryBench {
    static final String HEAP = "-Xmx256m";
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private MemoryBench() {
    }

    record Figures(int entries, int migrated, int verified, int concurrency, Duration wall, long peakHeap,
                   long peakAfterGc, long heapMax, int exitCode, List<String> output) {
        boolean finished() {
            return exitCode == 0 && migrated == entries && verified == entries;
        }
    }

    static Figures run(BenchWorld world) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("switchboard-bench-memory-");
        MigrationClients clients = world.clients(0);
        Discovery discovery = new Planner(clients.source(), clients.target()).discover();
        TransferPlan plan = discovery.plan(discovery.transferable().stream().map(PurchasedNumber::number).toList(),
                false, null, Instant.now());
        Path planFile = dir.resolve("transfer_plan.json");
        PlanCodec.write(planFile, plan);

        Process child = new ProcessBuilder(ChildJvm.java(), HEAP, "-cp", ChildJvm.classPath(),
                ApplyProbe.class.getName(), world.baseUri().toString(), planFile.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        }
        if (!child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            child.waitFor();
        }
        Map<String, Long> probe = parse(output);
        int verified = (int) PlanVerifier.verify(plan, clients.source(), clients.target()).stream()
                .filter(PlanVerifier.Row::ok).count();
        return new Figures(plan.entries().size(), probe.getOrDefault("migrated", 0L).intValue(), verified,
                probe.getOrDefault("concurrency", 0L).intValue(), Duration.ofMillis(probe.getOrDefault("wall_ms", 0L)),
                probe.getOrDefault("peak_heap", 0L), probe.getOrDefault("peak_after_gc", 0L),
                probe.getOrDefault("heap_max", 0L), child.exitValue(), output);
    }

    private static Map<String, Long> parse(List<String> output) {
        Map<String, Long> values = new HashMap<>();
        for (String line : output) {
            if (!line.startsWith("probe ")) {
                continue;
            }
            for (String pair : line.substring(6).split(" ")) {
                String[] parts = pair.split("=", 2);
                if (parts.length == 2) {
                    values.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        }
        return values;
    }
}
