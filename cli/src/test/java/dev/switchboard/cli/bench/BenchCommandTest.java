package dev.switchboard.cli.bench;

import dev.switchboard.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark command runs end to end on small sizes and prints every figure and target. Timing targets
 * are not asserted here (performance is shown by running the benchmark, never by a timed test); what does
 * not depend on timing is: every entry migrates, three writes per entry, a plan reads pages only, and the
 * child JVM of the memory check finishes.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void smallRunPrintsEveryFigureAndTarget() {
        CliRun.Result result = new CliRun(dir).run("bench", "--skip-small", "--n", "6", "--sequential-n", "1",
                "--plan-size", "120", "--memory-n", "30", "--seed", "5");

        assertThat(result.out()).contains("Apply: 6 entries", "Sequential, like the original utility: 1 entries",
                "Speed-up per entry", "Plan: a source with 120 numbers", "Memory: apply of 30 entries", "Targets");
        assertThat(result.out()).contains("PASS apply: every entry migrated", "PASS apply: write requests per entry",
                "PASS sequential: every entry migrated", "PASS memory: 30 entries, -Xmx256m");
        assertThat(result.out()).contains("routing gap p50 / p99 / max", "rate-limit floor", "wall / floor");
        // 3 writes per entry: transfer, delete the source config, create the target config.
        assertThat(result.out()).contains("requests per entry (writes)").containsPattern("\\(3\\.00\\)");
        // 120 numbers: GET / and 3 pages of numbers, 2 of configs on the source (the last page of each
        // reaches total_count, so no empty page is asked for); the empty target: GET / and one page of each.
        assertThat(result.out()).contains("source 6, target 3 requests: pages plus GET /");
        // Requests per entry (target at 1,000 entries) is printed; at 6 entries the shared reads dominate it.
        assertThat(result.out()).contains("apply: requests per entry");
        assertThat(result.exitCode()).as(result.toString()).isIn(0, 1);
    }

    @Test
    void theSmallScenarioRunsTheCliAsAUserWouldAndMigratesEveryEntry() {
        CliRun.Result result = new CliRun(dir).run("bench", "--scenario", "small");

        assertThat(result.out()).contains("Small: 40 numbers", "one JVM start", "plan, then apply (two JVMs)",
                "apply --plan-now (one JVM)", "requests per plan entry (writes)")
                .doesNotContain("Apply:", "Plan:", "Memory:");
        assertThat(result.out()).contains("PASS small, plan, then apply (two JVMs): all migrated 42/42",
                "PASS small, apply --plan-now (one JVM): all migrated 42/42");
        assertThat(result.out()).contains("small: requests per plan entry", "small: plan + apply wall / floor",
                "small: --plan-now wall / floor");
    }

    @Test
    void partsCanBeSkippedAndBadSizesAreRefused() {
        CliRun.Result skipped = new CliRun(dir).run("bench", "--skip-apply", "--skip-sequential", "--skip-memory",
                "--plan-size", "10");
        assertThat(skipped.out()).contains("Plan: a source with 10 numbers").doesNotContain("Apply:", "Memory:");
        CliRun.Result chosen = new CliRun(dir).run("bench", "--scenario", "plan", "--plan-size", "10");
        assertThat(chosen.out()).contains("Plan: a source with 10 numbers").doesNotContain("Small:", "Apply:", "Memory:");

        CliRun.Result refused = new CliRun(dir).run("bench", "--n", "0");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("must be at least 1");
    }
}
