package dev.switchboard.cli.daily;

import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, part B: {@code daily dialin create|update} apply the same dial-in rules as the plan reader, locally and
 * before any request that writes; and the misleading messages of the issue name the real problem.
 */
class DailyInputSafetyTest extends DailyCliTestBase {
    private static final String HMAC = "ZGlhbGluLWhtYWMtZm9yLXRlc3Rz";

    /** The emulator's state without its clock, which follows real time in these tests. */
    private com.fasterxml.jackson.databind.JsonNode state() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode state = (com.fasterxml.jackson.databind.node.ObjectNode)
                dev.switchboard.core.json.Json.mapper().readTree(emulator.admin().dumpState());
        state.remove("clock");
        return state;
    }

    private long writes() {
        return emulator.admin().requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    /** The one "switchboard:" line after checking the exit code and that no write request was made. */
    private String refused(CliRun.Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        List<String> lines = result.err().lines().filter(l -> l.startsWith("switchboard: ")).toList();
        assertThat(lines).as(result.toString()).hasSize(1);
        assertThat(result.err()).doesNotContain("this is a bug");
        assertThat(writes()).as("write requests").isZero();
        return lines.get(0);
    }

    @Test
    void createWithANonBase64HmacFromTheEnvironmentIsRefusedWithoutARequest() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        com.fasterxml.jackson.databind.JsonNode state = state();
        CliRun.Result result = cli().env("SALES_HMAC", "not base64!").run("daily", "dialin", "create", "--type",
                "pinless", "--phone-number", "+14155550101", "--room-creation-api", "https://hooks.example/sales",
                "--hmac-env", "SALES_HMAC");
        assertThat(refused(result, ExitCode.INVALID_INPUT)).contains("hmac is not base64").contains("nothing was sent")
                .doesNotContain("not base64!");
        assertThat(emulator.admin().requests()).isEmpty();
        assertThat(state()).isEqualTo(state);
    }

    @Test
    void createRefusesWhatTheTargetWouldRefuse() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        com.fasterxml.jackson.databind.JsonNode state = state();
        assertThat(refused(run("daily", "dialin", "create", "--type", "pinless", "--phone-number", "+14155550101",
                "--room-creation-api", "ftp://x"), ExitCode.INVALID_INPUT))
                .contains("room_creation_api 'ftp://x' must be an http or https URL");
        assertThat(refused(run("daily", "dialin", "create", "--type", "pin", "--phone-number", "+14155550101",
                "--name-prefix", "pin\u0007"), ExitCode.INVALID_INPUT))
                .contains("name_prefix contains a control character");
        assertThat(refused(run("daily", "dialin", "create", "--type", "pinless", "--room-creation-api",
                "https://hooks.example/x", "--name-prefix", "n".repeat(129)), ExitCode.INVALID_INPUT))
                .contains("name_prefix is 129 characters long; at most 128");
        assertThat(state()).isEqualTo(state);
    }

    @Test
    void updateChecksTheFieldsAndTheConfigsTypeBeforeThePut() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        CliRun.Result created = cli().env("SALES_HMAC", HMAC).run("daily", "dialin", "create", "--type", "pin",
                "--phone-number", "+14155550101", "-o", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String id = NumbersCliTest.json(created).get(0).path("id").asText();
        emulator.admin().clearRequests();
        com.fasterxml.jackson.databind.JsonNode state = state();
        assertThat(refused(cli().env("BAD", "%%%").run("daily", "dialin", "update", id, "--hmac-env", "BAD"),
                ExitCode.INVALID_INPUT)).contains("hmac is not base64");
        assertThat(refused(run("daily", "dialin", "update", id, "--hold-music-url", "https://music.example/a.mp3"),
                ExitCode.INVALID_INPUT)).contains("apply to pinless_dialin only").contains("is pin_dialin");
        assertThat(refused(run("daily", "dialin", "update", id, "--ivr-greeting", "line\nbreak"),
                ExitCode.INVALID_INPUT)).contains("ivr_greeting message contains a control character");
        assertThat(state()).isEqualTo(state);
    }

    @Test
    void aNegativeCountNamesCount() {
        String line = refused(run("daily", "numbers", "buy", "--count", "-3", "--yes"), ExitCode.INVALID_INPUT);
        assertThat(line).contains("--count must be 1 to 1000, not -3").doesNotContain("--limit");
        assertThat(emulator.admin().requests()).isEmpty();
    }

    @Test
    void aRejectedKeyIsNamed() {
        String line = refused(new CliRun(dir).env("DAILY_API_KEY", "wrong-key")
                .env("DAILY_API_URL", emulator.dailyBaseUri().toString()).run("daily", "numbers", "list"),
                ExitCode.CREDENTIALS);
        assertThat(line).contains("the provider rejected DAILY_API_KEY").doesNotContain("wrong-key");
    }

    @Test
    void aDotEnvLineWithUnbalancedQuotesIsReportedAsSuchNotAsNotSet() throws Exception {
        Files.writeString(dir.resolve(".env"), "DAILY_API_URL=" + emulator.dailyBaseUri() + "\n"
                + "DAILY_API_KEY=\"" + key + "\n");
        String line = refused(new CliRun(dir).run("daily", "numbers", "list"), ExitCode.INVALID_INPUT);
        assertThat(line).contains(".env line 2: unterminated double quote").doesNotContain("not set")
                .doesNotContain(key);
    }

    @Test
    void aQuoteLeftOpenInTheMiddleOfDotEnvNamesTheLineWhereItOpened() throws Exception {
        Files.writeString(dir.resolve(".env"), "DAILY_API_KEY=\"" + key + "\n"
                + "DAILY_API_URL=\"" + emulator.dailyBaseUri() + "\"\n");
        String line = refused(new CliRun(dir).run("daily", "numbers", "list"), ExitCode.INVALID_INPUT);
        assertThat(line).contains(".env line 1: unbalanced double quotes").doesNotContain(key);
    }
}
