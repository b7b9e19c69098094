package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.RoomSpec;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static dev.switchboard.cli.daily.NumbersCliTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12's consistency items, as a user of the daily commands meets them. */
class DailyConsistencyCliTest extends DailyCliTestBase {

    @Test
    void aSearchBreakingDailysRulesIsRefusedLocallyWithExitTwo() {
        CliRun.Result twoDigits = run("daily", "numbers", "search", "--areacode", "41");
        assertThat(twoDigits.exitCode()).as(twoDigits.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(twoDigits.err()).contains("areacode must be 3 digits").contains("nothing was sent");
        assertThat(requestsTo("/list-available-numbers")).isZero();
    }

    @Test
    void aGroupWithoutACommandShowsItsHelp() {
        CliRun.Result group = run("daily");
        assertThat(group.exitCode()).as(group.toString()).isZero();
        assertThat(group.out()).contains("Usage: switchboard daily").contains("numbers").contains("rooms");
        assertThat(group.err()).isEmpty();
        CliRun.Result nested = run("daily", "numbers");
        assertThat(nested.exitCode()).isZero();
        assertThat(nested.out()).contains("Usage: switchboard daily numbers");
    }

    @Test
    void debugComesFromTheEnvironmentToo() {
        CliRun.Result traced = cli().env("SWITCHBOARD_DEBUG", "1").run("daily", "numbers", "list");
        assertThat(traced.exitCode()).as(traced.toString()).isZero();
        assertThat(traced.err()).contains("GET").contains("/purchased-phone-numbers").doesNotContain(key);
        CliRun.Result quiet = cli().env("SWITCHBOARD_DEBUG", "0").run("daily", "numbers", "list");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void aRefusedConnectionFailsNamingHostAndPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            port = socket.getLocalPort();
        }
        CliRun.Result refused = cli().env("DAILY_API_URL", "http://127.0.0.1:" + port + "/v1")
                .run("daily", "numbers", "list");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).contains("connection refused by 127.0.0.1:" + port).doesNotContain("ConnectException");
    }

    @Test
    void everyCommandThatChangesSomethingAcceptsYes() throws Exception {
        CliRun.Result added = run("daily", "caller-ids", "add", "+12125550199", "--name", "HQ", "--yes", "-o", "json");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(json(added).path("number").asText()).isEqualTo("+12125550199");
        emulator.admin().daily().addNumber("ops", "+14155550101");
        CliRun.Result created = run("daily", "dialin", "create", "--type", "pin", "--phone-number", "+14155550101",
                "--yes", "-o", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(json(created).path("phone_number").asText()).isEqualTo("+14155550101");
    }

    @Test
    void bulkPurchasesKeepTheirJournalWhereEveryBulkCommandDoes() {
        CliRun.Result bought = run("daily", "numbers", "buy", "--count", "1", "--areacode", "212", "--yes");
        assertThat(bought.exitCode()).as(bought.toString()).isZero();
        assertThat(dir.resolve(".switchboard/daily-numbers-buy.journal")).isRegularFile();
        assertThat(dir.resolve("daily-numbers-buy.journal")).doesNotExist();
        assertThat(bought.err()).contains("bought 1 of 1").doesNotContain("(s)");
    }

    @Test
    void bulkPurchasesShowProgressNotALinePerNumber() {
        CliRun.Result piped = run("daily", "numbers", "buy", "--count", "3", "--areacode", "212", "--yes");
        assertThat(piped.exitCode()).as(piped.toString()).isZero();
        assertThat(piped.err()).doesNotContain("\r").doesNotContain("bought +1");
        assertThat(piped.err().lines()).anyMatch(line -> line.matches("buying: 3/3 \\(100%\\), [0-9.]+/s, took \\S+"));

        CliRun.Result terminal = cli().input("", true).run("daily", "numbers", "buy", "--count", "2", "--areacode", "212",
                "--yes", "--journal", "second.journal");
        assertThat(terminal.exitCode()).as(terminal.toString()).isZero();
        assertThat(terminal.err()).containsPattern("\rbuying: 2/2 \\(100%\\), [0-9.]+/s, took \\S+ *\n");
    }

    @Test
    void roomsCanBeCreatedListedShownAndDeleted() throws Exception {
        CliRun.Result created = run("daily", "rooms", "create", "desk", "--dial-out", "--sip-endpoints", "2", "--yes",
                "-o", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode room = json(created);
        assertThat(room.path("name").asText()).isEqualTo("desk");
        assertThat(room.path("enable_dialout").asBoolean()).isTrue();
        assertThat(room.path("sip_endpoints")).hasSize(2);

        JsonNode shown = json(run("daily", "rooms", "get", "desk", "-o", "json"));
        assertThat(shown.path("id").asText()).isEqualTo(room.path("id").asText());
        CliRun.Result badName = run("daily", "rooms", "create", "no spaces");
        assertThat(badName.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(requestsTo("/rooms")).isEqualTo(1);

        CliRun.Result unconfirmed = run("daily", "rooms", "delete", "desk");
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCode.NEEDS_CONFIRMATION);
        assertThat(unconfirmed.err()).contains("needs confirmation: pass --yes");
        CliRun.Result deleted = run("daily", "rooms", "delete", "desk", "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(run("daily", "rooms", "get", "desk").exitCode()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void roomsListReadsEveryPage() throws Exception {
        DailyClient client = new DailyClient(emulator.dailyBaseUri(), Secret.of(key), DailyClientOptions.defaults()
                .withRateBudgets(new RateBudgetRegistry(Ticker.system(), Sleeper.system())));
        for (int i = 0; i < 105; i++) {
            client.rooms().create(RoomSpec.named("room-" + i));
        }
        JsonNode rooms = json(run("daily", "rooms", "list", "-o", "json"));
        assertThat(rooms).hasSize(105);
        assertThat(rooms.get(0).path("name").asText()).isEqualTo("room-104");
        assertThat(emulator.admin().requests()).filteredOn(r -> r.method().equals("GET") && r.path().equals("/v1/rooms"))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
