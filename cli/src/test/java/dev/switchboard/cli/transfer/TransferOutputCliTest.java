package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.switchboard.cli.transfer.TransferCliFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;

/** apply and rollback end in a summary (the full table with --details), with progress on stderr. */
class TransferOutputCliTest {
    @TempDir
    Path dir;

    private TransferCliFixture fixture;

    @BeforeEach
    void start() {
        fixture = new TransferCliFixture(dir);
        assertThat(fixture.plan().exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void applyEndsWithASummaryAndProgressAndDetailsShowsEveryEntry() throws Exception {
        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).isEqualTo("5 entries: 5 migrated\n(--details shows every entry)\n");
        assertThat(apply.err().lines()).anyMatch(line -> line.matches("transfer: 5/5 \\(100%\\), [0-9.]+/s, took \\S+"));

        CliRun.Result status = new CliRun(dir).run("transfer", "status", "--fields", "key,status", "-o", "tsv", "--no-header");
        assertThat(status.out().lines()).hasSize(5).contains(SALES + "\tmigrated");

        CliRun.Result again = fixture.cli().run("transfer", "apply", "--yes", "--details");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out().lines().findFirst().orElseThrow()).startsWith("KEY").contains("TARGET SIP URI");
        assertThat(again.out().lines()).hasSize(6);
        assertThat(again.out().lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void rollbackShowsProgressAndASummary() throws Exception {
        assertThat(fixture.cli().run("transfer", "apply", "--yes").exitCode()).isZero();
        CliRun.Result rollback = fixture.cli().run("transfer", "rollback", "--all", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).startsWith("5 entries: ").contains("rolled-back");
        assertThat(rollback.err().lines()).anyMatch(line -> line.matches("rollback: (\\d+)/\\1 \\(100%\\), .*took \\S+"));
        JsonNode json = Json.mapper().readTree(new CliRun(dir).run("transfer", "status", "-o", "json").out());
        assertThat(json).hasSize(5);
    }

    @Test
    void anUnknownFieldStopsApplyBeforeAnyWrite() {
        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes", "--fields", "key,sttus");
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains("unknown field sttus; valid fields: key,status,step,new_phone_id");
        assertThat(fixture.writes()).isEmpty();
    }
}
