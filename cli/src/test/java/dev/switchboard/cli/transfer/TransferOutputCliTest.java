package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.cli.transfer.TransferCliFixture.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** apply and rollback end in a summary (the full table with --details), with progress on stderr and a Ctrl-C summary. */
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

    @Test
    void fieldsChooseTheKeysOfEveryEntryInThePlansJsonDocument() throws Exception {
        CliRun.Result plan = fixture.cli().run("transfer", "plan", "--all", "--include-sip-only", "--room-creation-api",
                "https://agents.example.com/dialin", "--yes", "-o", "json", "--fields", "phone_number,legacy_duplicates");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode json = Json.mapper().readTree(plan.out());
        assertThat(json.path("plan_file").asText()).endsWith("transfer_plan.json");
        assertThat(json.path("entries")).hasSize(5).allSatisfy(entry ->
                assertThat(entry.fieldNames()).toIterable().containsExactly("phone_number", "legacy_duplicates"));

        CliRun.Result typo = fixture.cli().run("transfer", "plan", "--all", "--yes", "-o", "json", "--fields", "key,sip");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown field sip; valid fields: key,phone_number,sip_only,source_phone_id");
    }

    /**
     * A real Ctrl-C: apply runs in a child JVM (paced at one request a second so it is still busy), gets
     * SIGINT after its first entry, and its last line says what finished, what is left and the command
     * that resumes; that command then finishes the work.
     */
    @EnabledOnOs({OS.LINUX, OS.MAC})
    @Test
    void ctrlCPrintsWhatFinishedWhatIsLeftAndTheCommandThatResumes() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path err = dir.resolve("apply.err");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.switchboard.cli.Main", "transfer", "apply", "--yes", "--max-rps", "1", "--concurrency", "1")
                .directory(dir.toFile()).redirectError(err.toFile()).redirectOutput(dir.resolve("apply.out").toFile());
        builder.environment().put("DAILY_SOURCE_API_KEY", "source-key");
        builder.environment().put("DAILY_TARGET_API_KEY", "target-key");
        builder.environment().put("DAILY_API_URL", fixture.emulator.dailyBaseUri().toString());
        Process child = builder.start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.readString(err).contains("transfer: 1/"));
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(130);
        String last = Files.readString(err).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("transfer interrupted: [1-4] of 5 finished, [1-4] left; resume with: "
                + "switchboard transfer apply --yes --max-rps 1 --concurrency 1");

        CliRun.Result resumed = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).isEqualTo("5 entries: 5 migrated\n(--details shows every entry)\n");
    }
}
