package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.json.Json;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.LegacyPinlessEntry;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.daily.migration.DomainInventory;
import dev.switchboard.daily.migration.MigrationAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.switchboard.cli.transfer.TransferCliFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code transfer apply}'s pre-flight checks against live changes made after the plan: a stale source or
 * target is refused with exit 3 naming every changed entry and nothing written; active calls on the source
 * refuse a non-interactive run without {@code --allow-active-calls} and are asked about on a terminal.
 * (Edited plans, a number moved to the target, a conflicting target config and a changed modern config are
 * covered by {@link TransferPlanFileTest}; the basic refusal by {@link TransferCommandsTest}.)
 */
class TransferPreflightTest {
    private static final String PBX_HMAC = "c2lwLWhtYWM=";

    @TempDir
    Path dir;

    private TransferCliFixture fixture;
    private String sipOnlyKey;

    @BeforeEach
    void plan() throws Exception {
        fixture = new TransferCliFixture(dir);
        CliRun.Result plan = fixture.plan();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode entries = Json.mapper().readTree(dir.resolve("transfer_plan.json").toFile()).path("entries");
        sipOnlyKey = entries.properties().stream().filter(e -> e.getValue().path("source_phone_id").isNull())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        fixture.clearRequestsAfter(0);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Apply must exit 3 listing exactly these problems ("key: message" fragments) and write nothing. */
    private void expectStale(String... problems) {
        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(apply.err()).contains("the plan no longer matches the domains (" + problems.length
                + (problems.length == 1 ? " problem)" : " problems)"), "nothing was changed");
        for (String problem : problems) {
            assertThat(apply.err()).contains(problem);
        }
        assertThat(fixture.writes()).isEmpty();
    }

    private String sourceId(String number) {
        return fixture.source.purchasedNumbers(PurchasedNumberFilter.byNumber(number)).get(0).id();
    }

    /** Rewrites the source's legacy pinless array through {@code edit} (pin entries kept). */
    private void editLegacyPinless(UnaryOperator<List<LegacyPinlessEntry>> edit) {
        Domain domain = fixture.source.domain();
        fixture.source.replaceLegacyDialin(edit.apply(domain.config().pinlessDialin()), domain.config().pinDialin());
    }

    private static LegacyPinlessEntry withRoomApi(LegacyPinlessEntry e, String url) {
        return new LegacyPinlessEntry(e.phoneNumber(), null, e.hmac(), url, e.namePrefix(), e.holdMusicUrl(),
                e.timeoutConfig(), e.extra());
    }

    @Test
    void aNumberReleasedSinceThePlanIsStale() {
        fixture.emulator.admin().advanceClock(Duration.ofDays(15));
        fixture.source.releaseNumber(sourceId(SPARE));
        fixture.clearRequestsAfter(1);

        expectStale(SPARE + ": the number is no longer in the source domain bots");
    }

    @Test
    void aNumberThatLeftAndCameBackHasANewIdAndIsStale() {
        String planned = sourceId(SPARE);
        String onTarget = fixture.source.transferNumber(planned, "pipecat", Secret.of("target-key"));
        String back = fixture.target.transferNumber(onTarget, "bots", Secret.of("source-key"));
        fixture.clearRequestsAfter(2);

        expectStale(SPARE + ": the number's id on the source is " + back + ", the plan says " + planned);
    }

    @Test
    void aModernConfigDeletedSinceThePlanIsStale() {
        String configId = DomainInventory.read(fixture.source).effectiveConfig(SALES).orElseThrow().configId();
        fixture.source.deleteDialinConfig(configId);
        fixture.clearRequestsAfter(1);

        expectStale(SALES + ": dial-in config " + configId + " for this number is no longer on the source");
    }

    @Test
    void aLegacyEntryRemovedSinceThePlanIsStaleWhileTheRewrittenSipOnlyEntryIsNot() {
        editLegacyPinless(entries -> entries.stream().filter(e -> !LEGACY.equals(e.phoneNumber())).toList());
        fixture.clearRequestsAfter(1);

        expectStale(LEGACY + ": the legacy pinless_dialin entry for this number is no longer on the source");
    }

    @Test
    void aLegacyEntryWhoseWebhookChangedIsStale() {
        editLegacyPinless(entries -> entries.stream().map(e -> LEGACY.equals(e.phoneNumber())
                ? withRoomApi(e, "https://hooks.example.com/elsewhere") : e).toList());
        fixture.clearRequestsAfter(1);

        expectStale(LEGACY + ": the number or its config changed on the source since the plan was made");
    }

    @Test
    void aSipOnlyConfigChangedOrRemovedSinceThePlanIsStale() {
        editLegacyPinless(entries -> entries.stream().map(e -> e.phoneNumber() == null
                ? withRoomApi(e, "https://hooks.example.com/pbx-2") : e).toList());
        fixture.clearRequestsAfter(1);
        expectStale(sipOnlyKey + ": this SIP-only config changed on the source since the plan was made");

        editLegacyPinless(entries -> entries.stream().filter(e -> e.phoneNumber() != null).toList());
        fixture.clearRequestsAfter(1);
        expectStale(sipOnlyKey + ": this SIP-only config is no longer on the source");
    }

    @Test
    void aSipOnlyConfigWithTheSameHmacOnTheTargetIsStale() {
        fixture.emulator.admin().daily().addDialinConfig("pipecat", "pinless_dialin",
                Map.of("room_creation_api", "https://hooks.example.com/copy", "hmac", PBX_HMAC));

        expectStale(sipOnlyKey + ": the target already has a SIP-only config with the same hmac");
    }

    @Test
    void everyStaleEntryIsListedAtOnce() {
        fixture.emulator.admin().advanceClock(Duration.ofDays(15));
        fixture.source.releaseNumber(sourceId(SPARE));
        String pinConfig = DomainInventory.read(fixture.source).effectiveConfig(PIN).orElseThrow().configId();
        fixture.source.deleteDialinConfig(pinConfig);
        fixture.emulator.admin().daily().addDialinConfig("pipecat", "pinless_dialin",
                Map.of("room_creation_api", "https://hooks.example.com/copy", "hmac", PBX_HMAC));
        fixture.clearRequestsAfter(2);

        expectStale(SPARE + ": the number is no longer in the source domain",
                PIN + ": dial-in config " + pinConfig + " for this number is no longer on the source",
                sipOnlyKey + ": the target already has a SIP-only config with the same hmac");
    }

    @Test
    void finishedEntriesAreNotStaleWhenApplyRunsAgain() {
        assertThat(fixture.cli().run("transfer", "apply", "--yes").exitCode()).isZero();
        fixture.clearRequestsAfter(1);

        CliRun.Result again = fixture.cli().run("transfer", "apply", "--yes");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("5 already finished, 0 to resume");
        assertThat(fixture.writes()).isEmpty();
    }

    @Test
    void activeCallsAreAskedAboutOnATerminalAndADeclineChangesNothing() {
        fixture.emulator.admin().daily().addParticipant("bots", "support-room", "Caller", null);

        CliRun.Result declined = fixture.cli().input("n\n", true).run("transfer", "apply");

        assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(ExitCode.DECLINED);
        assertThat(declined.err()).contains("1 participant in 1 room", "support-room",
                "declined because of active calls");
        assertThat(declined.out()).contains("Transfer anyway and disconnect active calls?");
        assertThat(fixture.writes()).isEmpty();
    }

    @Test
    void activeCallsConfirmedOnATerminalProceed() {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        fixture.emulator.admin().daily().addParticipant("bots", "support-room", "Caller", null);

        CliRun.Result confirmed = fixture.cli().input("y\ny\n", true).run("transfer", "apply");

        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.err()).contains("Result: 5 migrated");
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    @Test
    void theFlagProceedsWithTheWarningAndOnlySourceCallsCount() {
        fixture.emulator.admin().daily().addParticipant("bots", "support-room", "Caller", null);
        fixture.emulator.admin().daily().addParticipant("pipecat", "agent-room", "Agent", null);
        CliRun.Result refused = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(refused.err()).contains("1 participant in 1 room", "support-room").doesNotContain("agent-room");
        assertThat(fixture.writes()).isEmpty();

        CliRun.Result allowed = fixture.cli().run("transfer", "apply", "--yes", "--allow-active-calls");

        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.err()).contains("warning: 1 participant in", "Result: 5 migrated");
    }

    @Test
    void callsOnTheTargetAloneDoNotStopApply() {
        fixture.emulator.admin().daily().addParticipant("pipecat", "agent-room", "Agent", null);

        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).doesNotContain("warning: ").contains("Result: 5 migrated");
    }
}
