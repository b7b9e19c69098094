package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.CliRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress of the bulk commands, captured as a terminal and as a pipe would see it. */
class ProgressCliTest extends SignalWireCliTestBase {
    @Test
    void onAFakeTerminalTheProgressLineIsRewrittenInPlaceAndEndsWithANewline() {
        CliRun.Result result = cli().input("", true)
                .run("signalwire", "numbers", "buy", "--count", "3", "--areacode", "206", "--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("\rbuying: ").containsPattern("\rbuying: 3/3 \\(100%\\), [0-9.]+/s, took \\S+\n");
    }

    @Test
    void onAPipeProgressIsPlainLinesWithoutCarriageReturns() {
        CliRun.Result result = cli().run("signalwire", "numbers", "buy", "--count", "3", "--areacode", "206", "--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("\r");
        assertThat(result.err().lines()).anyMatch(line -> line.matches("buying: 3/3 \\(100%\\), [0-9.]+/s, took \\S+"));
        assertThat(result.err().lines().filter(line -> line.startsWith("buying: "))).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void noProgressLeavesOnlyTheSummary() {
        CliRun.Result result = cli().run("signalwire", "numbers", "buy", "--count", "2", "--areacode", "206", "--yes",
                "--no-progress");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("buying: ").contains("bought: 2 of 2 done");
    }

    @Test
    void theResultTableTakesFieldsAndTsv() {
        CliRun.Result result = cli().run("signalwire", "numbers", "buy", "--count", "2", "--areacode", "206", "--yes",
                "-o", "tsv", "--fields", "outcome,number", "--no-header");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).matches("done\t\\+1206\\d{7}"));
    }

    @Test
    void anUnknownFieldStopsABulkPurchaseBeforeItBuysAnything() {
        CliRun.Result result = cli().run("signalwire", "numbers", "buy", "--count", "2", "--areacode", "206", "--yes",
                "--fields", "numbr");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown field numbr; valid fields: number,id,outcome,detail");
        assertThat(emulator.admin().requests()).noneMatch(r -> r.method().equals("POST"));
    }
}
