package dev.switchboard.cli.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.signalwire.NumberSearch;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.SignalWireClientOptions;
import dev.switchboard.signalwire.bulk.BulkPurchase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code switchboard signalwire numbers ...} against the emulator. */
class SignalWireNumbersCliTest extends SignalWireCliTestBase {

    @Test
    void searchMapsTheFriendlyFlagsAndRefusesBadCombinationsBeforeAnyCall() {
        JsonNode found = json("signalwire", "numbers", "search", "--state", "OR", "--city", "Portland", "--limit", "3");
        assertThat(found).hasSize(3);
        assertThat(found.get(0).fieldNames()).toIterable()
                .containsExactly("number", "national_format", "region", "rate_center", "capabilities");
        assertThat(found.get(0).path("rate_center").asText()).isEqualTo("PORTLAND");
        assertThat(json("signalwire", "numbers", "search", "--toll-free", "--starts-with", "888").get(0)
                .path("number").asText()).startsWith("+1888");

        // The emulator logs a request just after answering it: let both searches land before clearing.
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.admin().requests().size() == 2);
        emulator.admin().clearRequests();
        CliRun.Result bad = cli().run("signalwire", "numbers", "search", "--toll-free", "--state", "OR");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("toll-free searches take neither --state nor --city");
        assertThat(cli().run("signalwire", "numbers", "search", "--city", "Portland").err()).contains("--city requires --state");
        assertThat(cli().run("signalwire", "numbers", "search", "--contains", "123", "--ends-with", "4567").err())
                .contains("mutually exclusive");
        assertThat(emulator.admin().requests()).isEmpty();
        CliRun.Result table = cli().run("signalwire", "numbers", "search", "--areacode", "212", "--limit", "2");
        assertThat(table.out()).startsWith("NUMBER").contains("NEW YORK").contains("voice fax sms mms");
    }

    @Test
    void buyNamesTheNumberAndListAndGetShowIt() {
        JsonNode bought = buy("503", "Main line");
        assertThat(bought.path("name").asText()).isEqualTo("Main line");
        assertThat(bought.path("capabilities")).hasSize(4);
        JsonNode listed = json("signalwire", "numbers", "list", "--filter-name", "Main");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).fieldNames()).toIterable().containsExactly("id", "number", "name", "number_type",
                "capabilities", "call_handler", "call_destination", "message_handler", "message_destination",
                "e911_status", "created_at");
        JsonNode byNumber = json("signalwire", "numbers", "get", bought.path("number").asText());
        JsonNode byId = json("signalwire", "numbers", "get", bought.path("id").asText());
        assertThat(byNumber).isEqualTo(byId);
        assertThat(cli().run("signalwire", "numbers", "get", "+15005550006").exitCode()).isEqualTo(ExitCode.PRECONDITION);
        CliRun.Result declined = cli().run("signalwire", "numbers", "buy", "+15035550000");
        assertThat(declined.exitCode()).isEqualTo(ExitCode.NEEDS_CONFIRMATION);
        assertThat(declined.err()).contains("needs confirmation: pass --yes");
    }

    @Test
    void bulkPurchaseIsJournaledAndASecondRunBuysNothingMore() {
        String[] buy = {"signalwire", "numbers", "buy", "--count", "5", "--areacode", "206", "--name", "Pool {n}", "--yes"};
        CliRun.Result dry = cli().run("signalwire", "numbers", "buy", "--count", "5", "--areacode", "206", "--name", "Pool {n}",
                "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Pool 1").contains("Pool 5").contains("+1206");
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isZero();

        JsonNode results = json(buy);
        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("done"));
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(5);
        JsonNode again = json(buy);
        assertThat(again).allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("already_done"));
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(5);
        assertThat(json("signalwire", "numbers", "list", "--filter-name", "Pool ")).hasSize(5);
        CliRun.Result other = cli().run("signalwire", "numbers", "buy", "--count", "3", "--areacode", "206", "--yes");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(other.err()).contains("holds a finished earlier run; archived it as signalwire-numbers-buy.journal.");
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(8);
        assertThat(dir.resolve(".switchboard")).isDirectoryContaining(p -> p.getFileName().toString()
                .matches("signalwire-numbers-buy\\.journal\\.\\d{8}T\\d{6}Z\\.done"));
    }

    @Test
    void theCommandResumesAPurchaseCrashedBetweenBeginAndDone() throws Exception {
        Path journalFile = dir.resolve("crashed.journal");
        SignalWireClient client = new SignalWireClient(emulator.signalwireSpaceUri(), PROJECT, Secret.of(TOKEN),
                SignalWireClientOptions.defaults().withRateBudgets(new RateBudgetRegistry(System::nanoTime,
                        d -> Thread.sleep(d.toMillis()))));
        AtomicInteger purchases = new AtomicInteger();
        try (Journal journal = Journal.open(journalFile)) {
            BulkPurchase bulk = new BulkPurchase(client, journal, 1, (entry, step) -> {
                if (step.equals("purchase") && purchases.incrementAndGet() == 3) {
                    throw new IllegalStateException("simulated crash");
                }
            }, ProgressListener.none());
            bulk.recordPlan(BulkPurchase.plan(client, NumberSearch.local().withAreacode("617"), 6, "Desk {n}"));
            bulk.apply();
        }
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(3);
        CliRun.Result other = cli().run("signalwire", "numbers", "buy", "--count", "2", "--journal", "crashed.journal",
                "--yes");
        assertThat(other.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(other.err()).contains("unfinished purchase of 6 numbers").contains("--journal NEW-FILE");
        CliRun.Result resumed = cli().run("signalwire", "numbers", "buy", "--count", "6", "--journal", "crashed.journal",
                "--yes", "-o", "json");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("Resuming the purchase");
        assertThat(parse(resumed.out())).filteredOn(r -> r.path("outcome").asText().equals("already_done")).hasSize(2);
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(6);
    }

    @Test
    void updateMapsTheSeedFlagsOntoTheRealFields() {
        JsonNode bought = buy("312", "Main");
        JsonNode updated = json("signalwire", "numbers", "update", bought.path("number").asText(),
                "--voice-url", "https://app.example.com/voice", "--voice-method", "get",
                "--sms-url", "https://app.example.com/sms", "--status-callback", "https://app.example.com/status");
        assertThat(updated.path("call_handler").asText()).isEqualTo("laml_webhooks");
        assertThat(updated.path("call_destination").asText()).isEqualTo("https://app.example.com/voice");
        assertThat(updated.path("message_destination").asText()).isEqualTo("https://app.example.com/sms");
        JsonNode relay = json("signalwire", "numbers", "update", bought.path("id").asText(), "--relay-topic", "office");
        assertThat(relay.path("call_handler").asText()).isEqualTo("relay_topic");
        assertThat(relay.path("call_destination").asText()).isEqualTo("office");
        CliRun.Result conflict = cli().run("signalwire", "numbers", "update", bought.path("id").asText(),
                "--voice-url", "https://x.example.com", "--relay-application", "ivr");
        assertThat(conflict.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(conflict.err()).contains("one handler");
        assertThat(cli().run("signalwire", "numbers", "update", bought.path("id").asText()).err()).contains("nothing to update");
    }

    @Test
    void bulkUpdateIsAPlanThenAnApply() {
        for (int i = 0; i < 6; i++) {
            emulator.admin().signalwire().addNumber(PROJECT, String.format("+1555030%04d", i), START);
        }
        CliRun.Result plan = cli().run("signalwire", "numbers", "update", "--all", "--sms-url", "https://sms.example.com",
                "--dry-run");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("message_request_url=https://sms.example.com").doesNotContain("{", "}");
        JsonNode results = json("signalwire", "numbers", "update", "--filter-number", "555030", "--sms-url",
                "https://sms.example.com", "--yes");
        assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("done"));
        assertThat(json("signalwire", "numbers", "list")).allSatisfy(n ->
                assertThat(n.path("message_destination").asText()).isEqualTo("https://sms.example.com"));
        CliRun.Result different = cli().run("signalwire", "numbers", "update", "--all", "--sms-url",
                "https://other.example.com", "--yes", "-o", "json");
        assertThat(different.exitCode()).as(different.toString()).isZero();
        assertThat(different.err()).contains("holds a finished earlier run; archived it");
        assertThat(parse(different.out())).hasSize(6);
        assertThat(json("signalwire", "numbers", "list")).allSatisfy(n ->
                assertThat(n.path("message_destination").asText()).isEqualTo("https://other.example.com"));
        assertThat(cli().run("signalwire", "numbers", "update", "--all", "--filter-name", "x", "--name", "y").exitCode())
                .isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void releaseReportsTheCooldownDateThenReleasesAfterConfirmation() {
        JsonNode bought = buy("415", "Temp");
        String number = bought.path("number").asText();
        CliRun.Result early = cli().run("signalwire", "numbers", "release", number, "--yes");
        assertThat(early.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(early.err()).contains("bought too recently").contains("from 2026-01-15T00:00");
        emulator.admin().advanceClock(Duration.ofDays(15));
        CliRun.Result declined = cli().input("n\n", true).run("signalwire", "numbers", "release", number);
        assertThat(declined.exitCode()).isEqualTo(ExitCode.DECLINED);
        CliRun.Result released = cli().input("y\n", true).run("signalwire", "numbers", "release", number);
        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.out()).contains("Released " + number + " (Temp)");
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isZero();
    }

    @Test
    void usageCountsCallsAndMessages() {
        emulator.admin().signalwire().addCall(PROJECT, "+12125550100", "+15035550000", "inbound",
                Instant.parse("2025-12-10T10:00:00Z"), 75);
        emulator.admin().signalwire().addMessage(PROJECT, "+15035550000", "+12125550100", "outbound-api",
                Instant.parse("2025-12-11T10:00:00Z"));
        JsonNode usage = json("signalwire", "numbers", "usage", "+15035550000", "--from", "2025-12-01", "--to", "2025-12-31");
        assertThat(usage.path("inbound_calls").asInt()).isEqualTo(1);
        assertThat(usage.path("call_seconds").asLong()).isEqualTo(75);
        assertThat(usage.path("outbound_messages").asInt()).isEqualTo(1);
        assertThat(cli().run("signalwire", "numbers", "usage", "+15035550000", "--from", "2026-02-01", "--to", "2026-01-01")
                .exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void missingCredentialsAndPortingHelp() {
        CliRun.Result missing = new CliRun(dir).run("signalwire", "numbers", "list");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(missing.err()).contains("SIGNALWIRE_SPACE_URL is not set");
        CliRun.Result help = new CliRun(dir).run("signalwire", "--help");
        assertThat(help.out()).contains("no public porting API");
        assertThatThrownBy(() -> SignalWireClient.spaceUri(" ")).isInstanceOf(IllegalArgumentException.class);
        CliRun.Result wrongToken = cli().env("SIGNALWIRE_API_TOKEN", "PT-WRONG-TOKEN-77").run("signalwire", "numbers", "list");
        assertThat(wrongToken.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(wrongToken.err()).doesNotContain("PT-WRONG-TOKEN-77");
    }
}
