package dev.switchboard.cli.bench;

import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.FailurePolicy;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.RunReport;
import dev.switchboard.daily.migration.TransferPlan;

import java.net.URI;
import java.nio.file.Path;

/**
 * The child JVM of the memory check ({@link MemoryBench}): applies a plan against the emulator the parent
 * runs, without rate limits, and prints one line of figures: {@code probe entries=N migrated=N
 * concurrency=N wall_ms=N peak_heap=BYTES peak_after_gc=BYTES heap_max=BYTES} (see {@link HeapWatch}). Arguments: the emulator's Daily
 * base URI and the plan file.
 */
public final class ApplyProbe {
    private ApplyProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ApplyProbe DAILY_BASE_URI PLAN_FILE");
            System.exit(2);
        }
        try (HeapWatch heap = new HeapWatch()) {
            Path planFile = Path.of(args[1]);
            TransferPlan plan = PlanCodec.read(planFile);
            MigrationOptions options = MigrationOptions.defaults().withOutcomeFilesIn(planFile.getParent())
                    .withConcurrency(MigrationOptions.AUTO_CONCURRENCY);
            long started = System.nanoTime();
            RunReport report;
            int concurrency;
            try (MigrationEngine engine = MigrationEngine.open(plan, MigrationEngine.journalFor(planFile),
                    BenchWorld.clients(URI.create(args[0]), 0), options)) {
                engine.requireFresh();
                concurrency = engine.concurrency();
                report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
            }
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("probe entries=" + plan.entries().size() + " migrated="
                    + report.count(EntryStatus.MIGRATED) + " concurrency=" + concurrency + " wall_ms=" + wallMillis
                    + " peak_heap=" + heap.peakUsed() + " peak_after_gc=" + heap.peakAfterGc()
                    + " heap_max=" + Runtime.getRuntime().maxMemory());
        }
        System.out.flush();
    }
}
