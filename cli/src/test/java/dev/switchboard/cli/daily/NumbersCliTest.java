package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.daily.BulkPurchase;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.PurchaseOrder;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumbersCliTest extends DailyCliTestBase {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(CliRun.Result result) throws Exception {
        return JSON.readTree(result.out());
    }

    private long owned() throws Exception {
        return json(run("daily", "numbers", "list", "-o", "json")).size();
    }

    @Test
    void whoamiNamesTheDomainAndNeverTheKey() throws Exception {
        CliRun.Result result = run("daily", "whoami", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode row = json(result);
        assertThat(row.path("domain_name").asText()).isEqualTo("ops");
        assertThat(row.path("key_fingerprint").asText()).hasSize(8);
        assertThat(result.out() + result.err()).doesNotContain(key);

        CliRun.Result noKey = new dev.switchboard.cli.CliRun(dir).run("daily", "whoami");
        assertThat(noKey.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(noKey.err()).contains("DAILY_API_KEY");
    }

    @Test
    void debugTracesEveryExchangeToStderrWithTheKeyRedacted() throws Exception {
        CliRun.Result result = run("daily", "whoami", "--debug", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("GET").contains("200");
        assertThat(json(result).path("domain_name").asText()).isEqualTo("ops");
        assertThat(result.out() + result.err()).doesNotContain(key);
    }

    @Test
    void listAndSearchCheckTheRulesBeforeCalling() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        emulator.admin().daily().addVerifiedCallerId("ops", "+12125550199", "HQ");
        JsonNode list = json(run("daily", "numbers", "list", "-o", "json"));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).fieldNames()).toIterable().containsExactly("id", "number", "name", "type", "status",
                "country", "provider", "created_date", "deleted");
        assertThat(run("daily", "numbers", "list", "-o", "csv").out()).startsWith(
                "id,number,name,type,status,country,provider,created_date,deleted");

        CliRun.Result refused = run("daily", "numbers", "search", "--region", "CA", "--areacode", "415");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err()).contains("region cannot be combined with areacode").contains("nothing was sent");
        assertThat(requestsTo("/list-available-numbers")).isZero();
        JsonNode found = json(run("daily", "numbers", "search", "--areacode", "415", "-o", "json"));
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).path("number").asText()).startsWith("+1415");
    }

    @Test
    void buyingOneNumberAsksFirst() throws Exception {
        CliRun.Result noTerminal = run("daily", "numbers", "buy", "+14155550177");
        assertThat(noTerminal.exitCode()).isEqualTo(ExitCode.NEEDS_CONFIRMATION);
        assertThat(noTerminal.err()).contains("needs confirmation: pass --yes");
        assertThat(requestsTo("/buy-phone-number")).isZero();
        CliRun.Result bought = run("daily", "numbers", "buy", "+14155550177", "--yes", "-o", "json");
        assertThat(bought.exitCode()).as(bought.toString()).isZero();
        assertThat(json(bought).get(0).path("number").asText()).isEqualTo("+14155550177");
        assertThat(run("daily", "numbers", "buy", "+14155550177", "--count", "2").exitCode())
                .isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void releaseIsRefusedInsideFourteenDaysAndReportsTheDate() throws Exception {
        Instant now = emulator.admin().now();
        var old = emulator.admin().daily().addNumber("ops", "+14155550101", now.minus(Duration.ofDays(30)));
        var recent = emulator.admin().daily().addNumber("ops", "+14155550102", now.minus(Duration.ofDays(3)));

        CliRun.Result result = run("daily", "numbers", "release", "--all", "--yes", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.FAILED);
        JsonNode rows = json(result);
        assertThat(rows).hasSize(2);
        JsonNode released = rows.get(0).path("id").asText().equals(old.id()) ? rows.get(0) : rows.get(1);
        JsonNode locked = released == rows.get(0) ? rows.get(1) : rows.get(0);
        assertThat(released.path("status").asText()).isEqualTo("released");
        assertThat(locked.path("status").asText()).isEqualTo("locked");
        assertThat(Instant.parse(locked.path("releasable_after").asText()))
                .isEqualTo(recent.createdDate().plus(Duration.ofDays(14)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(result.err()).contains("These 2 numbers will be released").contains("+14155550102")
                .contains("released 1, locked 1, failed 0 (of 2)");
        assertThat(owned()).isEqualTo(1);
    }

    @Test
    void releaseAsksTwiceAndADeclineChangesNothing() throws Exception {
        Instant now = emulator.admin().now();
        emulator.admin().daily().addNumber("ops", "+14155550101", now.minus(Duration.ofDays(30)));
        CliRun.Result declined = cli().input("y\nn\n", true).run("daily", "numbers", "release", "+14155550101");
        assertThat(declined.exitCode()).isEqualTo(ExitCode.DECLINED);
        assertThat(declined.out()).contains("Release 1 number?").contains("Are you sure?");
        assertThat(requestsContaining("/release-phone-number/")).isZero();
        assertThat(owned()).isEqualTo(1);

        CliRun.Result confirmed = cli().input("y\ny\n", true).run("daily", "numbers", "release", "+14155550101");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(owned()).isZero();
        CliRun.Result again = run("daily", "numbers", "release", "+14155550101", "-o", "json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(json(again).get(0).path("status").asText()).isEqualTo("already-released");
        assertThat(again.err()).contains("skipping +14155550101: already released");
        assertThat(requestsContaining("/release-phone-number/")).isEqualTo(1);
    }

    @Test
    void bulkBuyReconcilesALostAnswerWithoutBuyingTwice() throws Exception {
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/buy-phone-number", FaultKind.APPLIED_LOST_5XX));
        CliRun.Result result = run("daily", "numbers", "buy", "--count", "2", "--areacode", "212", "--yes",
                "--journal", "buy.journal", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode rows = json(result);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("reconciled").asBoolean()).isTrue();
        assertThat(result.err()).contains("unknown outcome").contains("bought 2 of 2");
        assertThat(owned()).isEqualTo(2);
        assertThat(requestsTo("/buy-phone-number")).isEqualTo(2);
    }

    @Test
    void bulkBuyResumesAfterACrashWithoutADoublePurchase() throws Exception {
        DailyClient client = new DailyClient(emulator.dailyBaseUri(), Secret.of(key), DailyClientOptions.defaults()
                .withRetryPolicy(RetryPolicy.none()).withRateBudgets(new RateBudgetRegistry(Ticker.system(),
                        Sleeper.system())));
        try (Journal journal = Journal.open(dir.resolve("buy.journal"))) {
            BulkPurchase crashing = new BulkPurchase(client, journal, null, (attempt, bought) -> {
                if (attempt.equals("buy-0002")) {
                    throw new IllegalStateException("simulated crash after Daily answered");
                }
            });
            assertThatThrownBy(() -> crashing.run(new PurchaseOrder(3, null))).hasMessageContaining("simulated crash");
        }
        assertThat(owned()).isEqualTo(2);
        CliRun.Result unfinishedOther = run("daily", "numbers", "buy", "--count", "5", "--yes", "--journal", "buy.journal");
        assertThat(unfinishedOther.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(unfinishedOther.err()).contains("another order");
        assertThat(dir.resolve("buy.journal")).exists();

        CliRun.Result resumed = run("daily", "numbers", "buy", "--count", "3", "--yes", "--journal", "buy.journal",
                "-o", "json");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(json(resumed)).hasSize(3);
        assertThat(resumed.err()).contains("reconciled buy-0002: it bought");
        assertThat(owned()).isEqualTo(3);
        assertThat(requestsTo("/buy-phone-number")).isEqualTo(3);

        CliRun.Result again = run("daily", "numbers", "buy", "--count", "3", "--yes", "--journal", "buy.journal");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(owned()).as("a complete journal buys nothing more").isEqualTo(3);

        CliRun.Result otherOrder = run("daily", "numbers", "buy", "--count", "1", "--yes", "--journal", "buy.journal");
        assertThat(otherOrder.exitCode()).as(otherOrder.toString()).isZero();
        assertThat(otherOrder.err()).contains("holds a complete earlier order; archived it as buy.journal.");
        assertThat(owned()).isEqualTo(4);
    }
}
