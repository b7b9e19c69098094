package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** --fields, --no-header, tsv, single JSON objects, JSON errors and terminal-width tables, end to end. */
class OutputShapingCliTest extends DailyCliTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private void twoNumbers() {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        emulator.admin().daily().addNumber("ops", "+14155550102");
    }

    @Test
    void fieldsAndNoHeaderShapeCsvTsvJsonAndTheTable() throws Exception {
        twoNumbers();
        CliRun.Result csv = run("daily", "numbers", "list", "--fields", "number,status", "-o", "csv", "--no-header");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).matches("\\+1415555010[12],[a-z_-]+"));

        CliRun.Result tsv = run("daily", "numbers", "list", "--fields", "number,id", "-o", "tsv");
        assertThat(tsv.out().lines().findFirst().orElseThrow()).isEqualTo("number\tid");
        assertThat(tsv.out().lines().skip(1)).hasSize(2).allSatisfy(line -> assertThat(line.split("\t")).hasSize(2));

        CliRun.Result json = run("daily", "numbers", "list", "--fields", "id,number", "-o", "json");
        JsonNode rows = JSON.readTree(json.out());
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.fieldNames()).toIterable().containsExactly("id", "number"));

        CliRun.Result table = run("daily", "numbers", "list", "--fields", "number", "--no-header");
        assertThat(table.out().lines()).containsExactlyInAnyOrder("+14155550101", "+14155550102");
    }

    @Test
    void anUnknownFieldExitsTwoNamingTheValidFields() {
        CliRun.Result result = run("daily", "numbers", "list", "--fields", "number,colour");
        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("unknown field colour; valid fields: id,number,name,type,status,country,"
                + "provider,created_date,deleted");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aCommandThatReturnsOneThingPrintsAJsonObject() throws Exception {
        CliRun.Result whoami = run("daily", "whoami", "-o", "json");
        JsonNode object = JSON.readTree(whoami.out());
        assertThat(object.isObject()).isTrue();
        assertThat(object.path("domain_name").asText()).isEqualTo("ops");
        CliRun.Result chosen = run("daily", "whoami", "-o", "json", "--fields", "domain_name");
        assertThat(JSON.readTree(chosen.out()).toString()).isEqualTo("{\"domain_name\":\"ops\"}");
    }

    @Test
    void underJsonOutputErrorsAreOneJsonObjectOnStderr() throws Exception {
        CliRun.Result noKey = new CliRun(dir).env("DAILY_API_URL", emulator.dailyBaseUri().toString())
                .run("daily", "whoami", "-o", "json");
        assertThat(noKey.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(noKey.out()).isEmpty();
        assertThat(noKey.err().lines()).hasSize(1);
        JsonNode error = JSON.readTree(noKey.err()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("credentials");
        assertThat(error.path("exit").asInt()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(error.path("message").asText()).contains("DAILY_API_KEY is not set");

        CliRun.Result badFlag = run("daily", "whoami", "--output=json", "--frobnicate");
        assertThat(badFlag.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        JsonNode parseError = JSON.readTree(badFlag.err()).path("error");
        assertThat(parseError.path("code").asText()).isEqualTo("invalid_input");
        assertThat(parseError.path("message").asText()).contains("--frobnicate");

        CliRun.Result badField = run("daily", "numbers", "list", "-ojson", "--fields", "nope");
        assertThat(JSON.readTree(badField.err()).path("error").path("exit").asInt()).isEqualTo(ExitCode.INVALID_INPUT);

        CliRun.Result plain = run("daily", "numbers", "list", "--fields", "nope");
        assertThat(plain.err()).startsWith("switchboard: unknown field nope");
    }

    @Test
    void tablesFitColumnsWithAnEllipsisAndWideShowsEverything() {
        twoNumbers();
        CliRun.Result narrow = cli().env("COLUMNS", "80").run("daily", "numbers", "list");
        assertThat(narrow.exitCode()).as(narrow.toString()).isZero();
        assertThat(narrow.out().lines()).allSatisfy(line -> {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
            assertThat(line).doesNotEndWith(" ");
        });
        assertThat(narrow.out()).contains("…");

        CliRun.Result wide = cli().env("COLUMNS", "80").run("daily", "numbers", "list", "--wide");
        assertThat(wide.out()).doesNotContain("…");
        assertThat(wide.out().lines().mapToInt(String::length).max().orElseThrow()).isGreaterThan(80);

        CliRun.Result terminal = cli().input("", true).run("daily", "numbers", "list");
        assertThat(terminal.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        CliRun.Result piped = run("daily", "numbers", "list");
        assertThat(piped.out()).isEqualTo(wide.out());
    }
}
