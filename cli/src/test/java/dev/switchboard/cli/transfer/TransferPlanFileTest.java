package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.json.Json;
import dev.switchboard.daily.DialinConfigPatch;
import dev.switchboard.daily.DialinConfigSpec;
import dev.switchboard.daily.migration.DomainInventory;
import dev.switchboard.daily.migration.MigrationAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static dev.switchboard.cli.transfer.TransferCliFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-edited, malformed, stale and original-format plans through {@code transfer apply}. */
class TransferPlanFileTest {
    @TempDir
    Path dir;

    private TransferCliFixture fixture;
    private Path planFile;

    @BeforeEach
    void plan() {
        fixture = new TransferCliFixture(dir);
        CliRun.Result plan = fixture.plan();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        planFile = dir.resolve("transfer_plan.json");
        fixture.clearRequestsAfter(0);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ObjectNode planJson() throws Exception {
        return (ObjectNode) Json.mapper().readTree(planFile.toFile());
    }

    private ObjectNode entry(ObjectNode plan, String key) {
        return (ObjectNode) plan.path("entries").path(key);
    }

    /** Edits the plan, runs apply, and expects one line naming {@code entry}, the exit code, and no write. */
    private void expectRefused(Consumer<ObjectNode> edit, int exitCode, String entry, String message) throws Exception {
        ObjectNode plan = planJson();
        edit.accept(plan);
        Files.writeString(planFile, Json.mapper().writeValueAsString(plan));
        expectRefused(exitCode, entry, message);
    }

    private void expectRefused(int exitCode, String entry, String message) {
        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(exitCode);
        String line = apply.err().lines().filter(l -> l.startsWith("switchboard: ")).findFirst().orElseThrow();
        assertThat(apply.err().lines().filter(l -> l.startsWith("switchboard: "))).hasSize(1);
        assertThat(line).contains("nothing was changed: " + entry + ": ").contains(message);
        assertThat(fixture.writes()).isEmpty();
    }

    @Test
    void badJsonIsRefused() throws Exception {
        Files.writeString(planFile, Files.readString(planFile).replaceFirst("\\{", "{,"));
        expectRefused(ExitCode.INVALID_INPUT, "(plan)", "not valid JSON (line 1");
    }

    @Test
    void aKeyThatIsNotE164IsRefused() throws Exception {
        expectRefused(plan -> {
            ObjectNode entries = (ObjectNode) plan.get("entries");
            entries.set("415-CALL-NOW", entries.remove(SPARE));
        }, ExitCode.INVALID_INPUT, "415-CALL-NOW", "not an E.164 phone number");
    }

    @Test
    void aMissingRoomCreationApiIsRefused() throws Exception {
        expectRefused(plan -> {
            ObjectNode data = (ObjectNode) entry(plan, LEGACY).get("config_data");
            data.remove("room_creation_api");
        }, ExitCode.INVALID_INPUT, LEGACY, "room_creation_api is missing");
    }

    @Test
    void aTimeoutConfigThatIsNotAnObjectIsRefused() throws Exception {
        expectRefused(plan -> ((ObjectNode) entry(plan, LEGACY).get("config_data"))
                .put("timeout_config", "No agent is available"), ExitCode.INVALID_INPUT, LEGACY,
                "timeout_config must be a JSON object");
    }

    @Test
    void anUnknownSrcTypeIsRefused() throws Exception {
        expectRefused(plan -> entry(plan, PIN).put("src_type", "domain-config"), ExitCode.INVALID_INPUT, PIN,
                "unknown src_type 'domain-config'");
    }

    @Test
    void aDuplicateEntryIsRefused() throws Exception {
        String text = Files.readString(planFile);
        String spare = "\"" + SPARE + "\" : {";
        assertThat(text).contains(spare);
        Files.writeString(planFile, text.replace(spare, "\"" + SPARE + "\" : {\"source_phone_id\": \"x\"}, " + spare));
        expectRefused(ExitCode.INVALID_INPUT, SPARE, "duplicate entry");
    }

    @Test
    void aNumberNoLongerInTheSourceIsAStalePlan() throws Exception {
        expectRefused(plan -> {
            ObjectNode entries = (ObjectNode) plan.get("entries");
            ObjectNode copy = entries.get(SPARE).deepCopy();
            entries.removeAll();
            entries.set("+14155550177", copy);
        }, ExitCode.PRECONDITION, "+14155550177", "no longer in the source domain");
    }

    @Test
    void aNumberAlreadyInTheTargetIsAStalePlan() {
        String id = fixture.source.purchasedNumbers(dev.switchboard.daily.PurchasedNumberFilter.byNumber(SPARE)).get(0).id();
        fixture.source.transferNumber(id, "pipecat", dev.switchboard.core.http.Secret.of("target-key"));
        fixture.clearRequestsAfter(1);
        expectRefused(ExitCode.PRECONDITION, SPARE, "already in the target domain");
    }

    @Test
    void aConflictingConfigInTheTargetIsAStalePlan() {
        String id = fixture.source.purchasedNumbers(dev.switchboard.daily.PurchasedNumberFilter.byNumber(SPARE)).get(0).id();
        fixture.source.transferNumber(id, "pipecat", dev.switchboard.core.http.Secret.of("target-key"));
        fixture.target.createDialinConfig(DialinConfigSpec.pin(SPARE));
        String newId = fixture.target.purchasedNumbers(dev.switchboard.daily.PurchasedNumberFilter.byNumber(SPARE)).get(0).id();
        fixture.target.transferNumber(newId, "bots", dev.switchboard.core.http.Secret.of("source-key"));
        fixture.clearRequestsAfter(3);
        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(apply.err()).contains(SPARE + ": the target already has a dial-in config for this number");
        assertThat(fixture.writes()).isEmpty();
    }

    @Test
    void aConfigChangedSinceThePlanIsAStalePlan() {
        String id = DomainInventory.read(fixture.source).effectiveConfig(PIN).orElseThrow().configId();
        fixture.source.updateDialinConfig(id, new DialinConfigPatch(null, "renamed", null, null, null, null, null));
        fixture.clearRequestsAfter(1);
        expectRefused(ExitCode.PRECONDITION, PIN, "changed on the source since the plan was made");
    }

    @Test
    void aPlanInTheOriginalUtilitysFormatIsApplied() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        ObjectNode entries = (ObjectNode) planJson().get("entries");
        entries.properties().forEach(e -> ((ObjectNode) e.getValue()).remove("fingerprint"));
        Files.writeString(planFile, Json.mapper().writeValueAsString(entries));

        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(fixture.cli().run("transfer", "verify").exitCode()).isZero();
    }
}
