package dev.switchboard.cli.bench;

import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.migration.Discovery;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.FailurePolicy;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.PlanVerifier;
import dev.switchboard.daily.migration.Planner;
import dev.switchboard.daily.migration.RunReport;
import dev.switchboard.daily.migration.StepListener;
import dev.switchboard.daily.migration.TransferPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One measured apply against a {@link BenchWorld}: plan every number (not measured), then time what
 * {@code transfer apply --yes} does (open and lock the journal, check the plan is fresh, check presence,
 * apply every entry) and count the requests per key in the emulator's log.
 */
final class ApplyBench {
    private ApplyBench() {
    }

    /**
     * What one run measured.
     *
     * @param gaps routing gaps in nanoseconds, sorted: per entry, from its transfer's answer to its new
     *             config's answer (the number has no routing in between)
     */
    record Figures(int entries, int migrated, int verified, int concurrency, double ratePerKey, Duration wall,
                   RequestTally requests, List<Long> gaps) implements RateBoundRun {
        double secondsPerEntry() {
            return wall.toNanos() / 1e9 / entries;
        }

        Duration gap(double percentile) {
            if (gaps.isEmpty()) {
                return Duration.ZERO;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * gaps.size());
            return Duration.ofNanos(gaps.get(Math.max(0, Math.min(gaps.size(), rank) - 1)));
        }
    }

    /**
     * @param concurrency entries at once, or {@link MigrationOptions#AUTO_CONCURRENCY}
     * @param entryPause  the pause between entries (2 s for the original utility's behaviour)
     */
    static Figures run(BenchWorld world, int maxRps, int concurrency, Duration entryPause)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("switchboard-bench-");
        MigrationClients planning = world.clients(maxRps);
        Discovery discovery = new Planner(planning.source(), planning.target()).discover();
        List<String> numbers = discovery.transferable().stream().map(PurchasedNumber::number).toList();
        TransferPlan plan = discovery.plan(numbers, false, null, Instant.now());
        world.restartRateCounting();

        MigrationClients clients = world.clients(maxRps);
        GapRecorder gaps = new GapRecorder();
        MigrationOptions options = MigrationOptions.defaults().withOutcomeFilesIn(dir).withConcurrency(concurrency)
                .withEntryPause(entryPause).withStepListener(gaps);
        long seq = world.lastRequestSeq();
        long started = System.nanoTime();
        RunReport report;
        int used;
        try (MigrationEngine engine = MigrationEngine.open(plan, MigrationEngine.journalFor(dir.resolve("transfer_plan.json")),
                clients, options)) {
            engine.requireFresh();
            engine.activeCalls();
            used = engine.concurrency();
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        RequestTally tally = world.tallySince(seq);
        int verified = (int) PlanVerifier.verify(plan, clients.source(), clients.target()).stream()
                .filter(PlanVerifier.Row::ok).count();
        double rate = Math.min(clients.source().rateBudget().sustainedRate(), clients.target().rateBudget().sustainedRate());
        return new Figures(plan.entries().size(), report.count(EntryStatus.MIGRATED), verified, used, rate, wall, tally,
                gaps.sorted());
    }

    /** Times each entry's routing gap on the worker thread, from step boundaries. */
    static final class GapRecorder implements StepListener {
        private final Map<String, Long> transferred = new ConcurrentHashMap<>();
        private final List<Long> gaps = new ArrayList<>();

        @Override
        public void at(String entry, String step, Boundary boundary) {
            if (boundary != Boundary.AFTER_CALL) {
                return;
            }
            if (step.equals("transfer")) {
                transferred.put(entry, System.nanoTime());
            } else if (step.equals("create-target-config")) {
                Long from = transferred.remove(entry);
                if (from != null) {
                    long gap = System.nanoTime() - from;
                    synchronized (gaps) {
                        gaps.add(gap);
                    }
                }
            }
        }

        List<Long> sorted() {
            synchronized (gaps) {
                List<Long> copy = new ArrayList<>(gaps);
                copy.sort(null);
                return copy;
            }
        }
    }
}
