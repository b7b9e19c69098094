package dev.switchboard.cli.bench;

import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.migration.Discovery;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.Planner;
import dev.switchboard.daily.migration.TransferPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Times {@code transfer plan --all}: discover both domains (all pages), build the plan, write it. */
final class PlanBench {
    private PlanBench() {
    }

    record Figures(int numbers, int configs, int entries, double ratePerKey, Duration wall, RequestTally requests)
            implements RateBoundRun {
    }

    static Figures run(BenchWorld world, int maxRps, Path timelineDir) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("switchboard-bench-plan-");
        MigrationClients clients = world.clients(maxRps);
        long seq = world.lastRequestSeq();
        Timeline timeline = new Timeline();
        long started = System.nanoTime();
        Discovery discovery = new Planner(clients.source(), clients.target()).discover();
        timeline.mark("discovered");
        TransferPlan plan = discovery.plan(discovery.transferable().stream().map(PurchasedNumber::number).toList(),
                false, null, Instant.now());
        timeline.mark("planned");
        PlanCodec.write(dir.resolve("transfer_plan.json"), plan);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        timeline.mark("plan written");
        RequestTally tally = world.tallySince(seq);
        if (timelineDir != null) {
            Files.createDirectories(timelineDir);
            timeline.write(timelineDir.resolve("plan.tsv"), world.requestsSince(seq), world.sourceKey(), world.targetKey());
        }
        double rate = Math.min(clients.source().rateBudget().sustainedRate(), clients.target().rateBudget().sustainedRate());
        return new Figures(discovery.transferable().size(), discovery.source().configs().size(), plan.entries().size(),
                rate, wall, tally);
    }
}
