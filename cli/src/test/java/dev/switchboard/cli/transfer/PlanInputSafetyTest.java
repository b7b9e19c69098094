package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.switchboard.cli.transfer.TransferCliFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 9, part B: hand-edited plans that the target would refuse, and hostile plan files, through
 * {@code transfer apply}. Each is refused with its documented exit code and one line naming the problem, before
 * any request that writes, with both domains unchanged.
 */
class PlanInputSafetyTest {
    @TempDir
    Path dir;

    private TransferCliFixture fixture;
    private Path planFile;
    private String stateBefore;

    @BeforeEach
    void plan() {
        fixture = new TransferCliFixture(dir);
        CliRun.Result plan = fixture.plan();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        planFile = dir.resolve("transfer_plan.json");
        fixture.clearRequestsAfter(0);
        stateBefore = fixture.emulator.admin().dumpState();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ObjectNode planJson() throws Exception {
        return (ObjectNode) Json.mapper().readTree(planFile.toFile());
    }

    private static ObjectNode entries(ObjectNode plan) {
        return (ObjectNode) plan.get("entries");
    }

    private static ObjectNode config(ObjectNode plan, String key) {
        return (ObjectNode) entries(plan).path(key).path("config_data");
    }

    private static String sipOnlyKey(ObjectNode plan) {
        for (Iterator<Map.Entry<String, JsonNode>> it = entries(plan).properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().path("source_phone_id").isNull()) {
                return entry.getKey();
            }
        }
        throw new AssertionError("the fixture plan has a SIP-only entry");
    }

    /** The plan in the original utility's flat format: a bare object keyed by number. */
    private static ObjectNode flat(ObjectNode plan) {
        ObjectNode flat = Json.mapper().createObjectNode();
        entries(plan).properties().forEach(e -> {
            ObjectNode entry = ((ObjectNode) e.getValue()).deepCopy();
            entry.remove("fingerprint");
            entry.remove("legacy_duplicates");
            flat.set(e.getKey(), entry);
        });
        return flat;
    }

    private void write(ObjectNode plan) throws Exception {
        Files.writeString(planFile, Json.mapper().writeValueAsString(plan));
    }

    private CliRun.Result apply(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "transfer";
        args[1] = "apply";
        args[2] = "--yes";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return fixture.cli().run(args);
    }

    /** The one "switchboard:" line, after checking the exit code, that nothing was written and nothing changed. */
    private String refused(CliRun.Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        List<String> lines = result.err().lines().filter(l -> l.startsWith("switchboard: ")).toList();
        assertThat(lines).as(result.toString()).hasSize(1);
        assertThat(result.err()).doesNotContain("this is a bug").doesNotContain("Exception");
        assertThat(fixture.writes()).as("write requests").isEmpty();
        assertThat(fixture.emulator.admin().dumpState()).isEqualTo(stateBefore);
        return lines.get(0);
    }

    private String refusedEdit(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode plan = planJson();
        edit.accept(plan);
        write(plan);
        return refused(apply(), ExitCode.INVALID_INPUT);
    }

    @Test
    void aPinlessHmacThatIsNotBase64IsRefusedWithItsSiblingsBeforeAnyWrite() throws Exception {
        String line = refusedEdit(plan -> config(plan, SALES).put("hmac", "c2FsZXMtaG1hYw==!"));
        assertThat(line).contains(SALES + ": config_data.hmac is not base64").doesNotContain("c2FsZXMtaG1hYw");
    }

    @Test
    void aSipOnlyHmacThatIsNotBase64IsRefused() throws Exception {
        ObjectNode plan = planJson();
        String sip = sipOnlyKey(plan);
        config(plan, sip).put("hmac", "not base64 at all");
        write(plan);
        assertThat(refused(apply(), ExitCode.INVALID_INPUT)).contains(sip + ": config_data.hmac is not base64");
    }

    @Test
    void aBadHmacInTheOriginalFlatFormatIsRefused() throws Exception {
        ObjectNode plan = flat(planJson());
        ((ObjectNode) plan.path(LEGACY).path("config_data")).put("hmac", "bGVnYWN5LWhtYWM=-");
        write(plan);
        assertThat(refused(apply(), ExitCode.INVALID_INPUT)).contains(LEGACY + ": config_data.hmac is not base64");
    }

    @Test
    void controlCharactersInNamePrefixAreRefused() throws Exception {
        String line = refusedEdit(plan -> config(plan, PIN).put("name_prefix", "pin\u001b[31m"));
        assertThat(line).contains(PIN + ": config_data.name_prefix contains a control character");
    }

    @Test
    void aRoomCreationApiThatIsNotHttpIsRefused() throws Exception {
        String line = refusedEdit(plan -> {
            config(plan, LEGACY).put("room_creation_api", "ftp://x");
        });
        assertThat(line).contains(LEGACY + ": config_data.room_creation_api 'ftp://x' must be an http or https URL");
    }

    @Test
    void aTargetRoomCreationApiWithoutHostIsRefused() throws Exception {
        String line = refusedEdit(plan -> config(plan, SALES).put("target_room_creation_api", "https://"));
        assertThat(line).contains(SALES + ": config_data.target_room_creation_api 'https://'");
    }

    @Test
    void aKeyNotWrittenInE164IsRefusedNamingTheE164Form() throws Exception {
        String line = refusedEdit(plan -> {
            JsonNode spare = entries(plan).remove(SPARE);
            entries(plan).set("+1 (415) 555-0104", spare);
        });
        assertThat(line).contains("+1 (415) 555-0104: the key is not written in E.164; write it as " + SPARE);
    }

    @Test
    void aConcurrencyOfZeroIsRefused() {
        String line = refused(apply("--concurrency", "0"), ExitCode.INVALID_INPUT);
        assertThat(line).contains("--concurrency must be 1 to");
    }

    @Test
    void unknownFieldsAreKeptAndReportedNotDroppedSilently() throws Exception {
        ObjectNode plan = planJson();
        plan.put("reviewed_by", "ops");
        ((ObjectNode) entries(plan).get(SPARE)).put("note", "keep");
        config(plan, LEGACY).put("future_setting", true);
        write(plan);
        CliRun.Result result = apply();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("warning: 3 unknown fields in transfer_plan.json are kept in the plan but "
                        + "not sent to Daily")
                .contains("(plan): unknown field 'reviewed_by'").contains(SPARE + ": unknown field 'note'")
                .contains(LEGACY + ": config_data.future_setting is not a dial-in config field");
        ObjectNode after = planJson();
        assertThat(after.path("reviewed_by").asText()).isEqualTo("ops");
        assertThat(config(after, LEGACY).path("future_setting").asBoolean()).isTrue();
    }

    @Test
    void aPlanNested10000DeepIsRefusedAsInputNotABug() throws Exception {
        Files.writeString(planFile, "{\"entries\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        assertThat(refused(apply(), ExitCode.INVALID_INPUT)).contains(planFile.toString())
                .contains("nested deeper than 64 levels");
    }

    @Test
    void aDirectoryAsPlanIsRefused() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("plans"));
        CliRun.Result result = fixture.cli().run("transfer", "apply", "--yes", "--plan", directory.toString());
        assertThat(refused(result, ExitCode.INVALID_INPUT)).contains("plan " + directory + " is a directory");
    }

    @Test
    void anUnreadablePlanIsRefused() {
        // /proc/self/mem is a regular file that fails to read at offset 0 even for root (EIO).
        CliRun.Result result = fixture.cli().run("transfer", "apply", "--yes", "--plan", "/proc/self/mem");
        assertThat(refused(result, ExitCode.INVALID_INPUT)).contains("cannot read plan /proc/self/mem");
    }

    @Test
    void aFifoAsPlanIsRefusedWithoutHanging() throws Exception {
        Path fifo = dir.resolve("plan.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        CliRun.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> fixture.cli().run("transfer", "apply", "--yes", "--plan", fifo.toString()));
        assertThat(refused(result, ExitCode.INVALID_INPUT)).contains("plan " + fifo + " is not a regular file");
    }

    @Test
    void devicesAsPlanAreRefusedWithoutReadingThem() {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            CliRun.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> fixture.cli().run("transfer", "apply", "--yes", "--plan", device));
            assertThat(refused(result, ExitCode.INVALID_INPUT)).contains("plan " + device + " is not a regular file");
        }
    }

    @Test
    void aPlanOverTheSizeCapIsRefusedBeforeReading() throws Exception {
        try (var file = new java.io.RandomAccessFile(planFile.toFile(), "rw")) {
            file.setLength(65L * 1024 * 1024);
        }
        assertThat(refused(apply(), ExitCode.INVALID_INPUT)).contains("is 65 MB, larger than the limit of 64 MB");
    }

    @Test
    void aDamagedLineInTheMiddleOfTheJournalIsRefusedNamingFileAndLine() throws Exception {
        Path journal = dir.resolve("transfer_plan.journal");
        Files.writeString(journal, """
                {"seq":1,"ts":"2026-01-10T09:00:00Z","entry":"%s","step":"transfer","phase":"BEGIN","data":{}}
                {"seq":2,"ts":"2026-01-10T09:00:01Z","entry":"%s","step":"transfer",
                {"seq":3,"ts":"2026-01-10T09:00:02Z","entry":"%s","step":"transfer","phase":"BEGIN","data":{}}
                """.formatted(SPARE, SPARE, SPARE));
        assertThat(Files.exists(journal)).isTrue();
        String line = refused(apply(), ExitCode.INVALID_INPUT);
        assertThat(line).contains(journal.getFileName().toString()).contains("line 2").contains("damaged");
        CliRun.Result status = fixture.cli().run("transfer", "status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void aJournalThatIsADirectoryIsRefused() throws Exception {
        Files.createDirectory(dir.resolve("transfer_plan.journal"));
        assertThat(refused(apply(), ExitCode.INVALID_INPUT)).contains("journal").contains("is a directory");
    }

    @Test
    void manyProblemsPrintTheSummaryFirstThenTwentyThenHowManyMore() throws Exception {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < 26_000; i++) {
            text.append(i == 0 ? "" : ",").append("\"+1415").append(String.format("%07d", i))
                    .append("\":{\"source_phone_id\":\"id-").append(i).append("\",\"src_type\":\"bogus\"}");
        }
        Files.writeString(planFile, text.append("}").toString());
        CliRun.Result result = apply();
        String line = refused(result, ExitCode.INVALID_INPUT);
        List<String> err = result.err().lines().toList();
        assertThat(err.get(0)).isEqualTo(line).contains("is invalid (26000 problems)");
        assertThat(err).hasSize(22);
        assertThat(err.get(21)).isEqualTo("  … and 25980 more (--all-problems lists every one)");
        CliRun.Result all = apply("--all-problems");
        assertThat(all.err().lines().count()).isEqualTo(26_001);
    }

    @Test
    void aRejectedTargetKeyIsNamed() {
        CliRun.Result result = fixture.cli().env("DAILY_TARGET_API_KEY", "stale-target-key").run("transfer", "apply", "--yes");
        assertThat(refused(result, ExitCode.CREDENTIALS)).contains("the provider rejected DAILY_TARGET_API_KEY")
                .doesNotContain("stale-target-key");
    }

    @Test
    void planRefusesAReplacementWebhookTheTargetWouldRefuse() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        CliRun.Result result = fixture.cli().run("transfer", "plan", "--all", "--no-include-sip-only", "--dir",
                other.toString(), "--room-creation-api", "ftp://x");
        assertThat(refused(result, ExitCode.INVALID_INPUT))
                .contains("--room-creation-api 'ftp://x' must be an http or https URL; no plan written");
        assertThat(other.resolve("transfer_plan.json")).doesNotExist();
    }
}
