package dev.switchboard.cli.bench;

import dev.switchboard.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench world's source domain (many numbers, each with a pinless config) round-trips through the inventory. */
class InventoryOfBenchWorldTest {
    @TempDir
    Path dir;

    @Test
    void exportThenPlanShowsNoChange() throws Exception {
        long seed = 5_150L;
        System.out.println("bench world seed " + seed);
        try (BenchWorld world = BenchWorld.start(120, seed, false)) {
            CliRun cli = new CliRun(dir).env("DAILY_API_KEY", BenchWorld.SOURCE_KEY)
                    .env("DAILY_API_URL", world.emulator.dailyBaseUri().toString());
            CliRun.Result export = cli.run("inventory", "export", "--out", "bench.yaml");
            assertThat(export.exitCode()).as(export.toString()).isZero();
            assertThat(Files.readString(dir.resolve("bench.yaml"))).contains("name: Agent line 119");
            CliRun.Result plan = cli.run("inventory", "plan", "-f", "bench.yaml");
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("No changes. Live matches the file.");
            assertThat(cli.run("inventory", "drift", "-f", "bench.yaml").exitCode()).isZero();
        }
    }
}
