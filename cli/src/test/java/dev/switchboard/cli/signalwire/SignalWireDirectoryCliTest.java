package dev.switchboard.cli.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code switchboard signalwire addresses|e911|caller-ids|groups ...} against the emulator. */
class SignalWireDirectoryCliTest extends SignalWireCliTestBase {
    private static final String[] OFFICE = {"--label", "Acme HQ", "--first-name", "Ada", "--last-name", "Lovelace",
            "--street", "123 Main Street", "--city", "New York", "--state", "NY", "--postal-code", "10001", "--emergency"};

    private JsonNode createOffice(String... extra) {
        String[] args = new String[3 + OFFICE.length + extra.length];
        args[0] = "signalwire";
        args[1] = "addresses";
        args[2] = "create";
        System.arraycopy(OFFICE, 0, args, 3, OFFICE.length);
        System.arraycopy(extra, 0, args, 3 + OFFICE.length, extra.length);
        return json(args);
    }

    @Test
    void addressesCreateListDelete() {
        JsonNode address = createOffice();
        assertThat(address.path("address").asText()).isEqualTo("123 Main St, New York, NY 10001, US");
        assertThat(address.path("validated").asBoolean()).isTrue();
        assertThat(json("signalwire", "addresses", "list", "--filter-label", "Acme")).hasSize(1);

        String[] strict = new String[OFFICE.length + 4];
        strict[0] = "signalwire";
        strict[1] = "addresses";
        strict[2] = "create";
        System.arraycopy(OFFICE, 0, strict, 3, OFFICE.length);
        strict[strict.length - 1] = "--no-auto-correct";
        CliRun.Result refused = cli().run(strict);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).contains("suggested: 123 Main St, New York, NY 10001");

        CliRun.Result badState = cli().run("signalwire", "addresses", "create", "--label", "x", "--first-name", "a",
                "--last-name", "b", "--street", "1 Elm St", "--city", "Austin", "--state", "Texas", "--postal-code", "78701");
        assertThat(badState.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);

        CliRun.Result deleted = cli().run("signalwire", "addresses", "delete", address.path("id").asText(), "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(json("signalwire", "addresses", "list")).isEmpty();
    }

    @Test
    void e911AssignWaitUntilActiveThenRemove() {
        emulator.admin().signalwire().setE911Delay(Duration.ofMillis(300));
        JsonNode number = buy("212", "Front desk");
        JsonNode address = createOffice();
        JsonNode pending = json("signalwire", "e911", "assign", number.path("number").asText(), "--address",
                address.path("id").asText());
        assertThat(pending.path("e911_status").asText()).isEqualTo("pending");
        JsonNode active = json("signalwire", "e911", "status", number.path("id").asText(), "--wait", "--interval", "50ms");
        assertThat(active.path("e911_status").asText()).isEqualTo("active");
        emulator.admin().signalwire().setE911Delay(Duration.ofHours(1)); // still pending when timed out, however slow the machine
        JsonNode removing = json("signalwire", "e911", "remove", number.path("id").asText(), "--yes");
        assertThat(removing.path("e911_status").asText()).isEqualTo("pending_removal");
        CliRun.Result timedOut = cli().run("signalwire", "e911", "status", number.path("id").asText(), "--wait",
                "--interval", "10ms", "--timeout", "PT0S");
        assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(timedOut.err()).contains("still pending_removal after 0ms");
        CliRun.Result notADuration = cli().run("signalwire", "e911", "status", number.path("id").asText(), "--wait",
                "--interval", "2x");
        assertThat(notADuration.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(notADuration.err()).contains("'2x' is not a duration; write e.g. 500ms, 2s, 5m or 1h");
    }

    @Test
    void callerIdsAddVerifyRedialList() {
        JsonNode added = json("signalwire", "caller-ids", "add", "+12125550100", "--name", "Front desk");
        String id = added.path("id").asText();
        assertThat(added.path("status").asText()).isEqualTo("Awaiting Verification");
        String code = emulator.admin().signalwire().verificationCode(PROJECT, id);
        String wrong = code.equals("000000") ? "111111" : "000000";
        CliRun.Result rejected = cli().run("signalwire", "caller-ids", "verify", id, "--code", wrong);
        assertThat(rejected.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(rejected.err()).contains("4 attempts left");
        CliRun.Result tooSoon = cli().run("signalwire", "caller-ids", "redial", id);
        assertThat(tooSoon.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(tooSoon.err()).contains("verification_request_too_soon");
        emulator.admin().advanceClock(Duration.ofMinutes(2));
        assertThat(json("signalwire", "caller-ids", "redial", id).path("status").asText())
                .isEqualTo("Awaiting Verification");
        String newCode = emulator.admin().signalwire().verificationCode(PROJECT, id);
        JsonNode verified = json("signalwire", "caller-ids", "verify", id, "--code", newCode);
        assertThat(verified.path("status").asText()).isEqualTo("Verified");
        assertThat(json("signalwire", "caller-ids", "list")).singleElement()
                .satisfies(c -> assertThat(c.path("number").asText()).isEqualTo("+12125550100"));
    }

    @Test
    void groupsCreateAddListRemoveDelete() {
        JsonNode number = buy("305", "Sales 1");
        JsonNode group = json("signalwire", "groups", "create", "sales", "--sticky-sender");
        String groupId = group.path("id").asText();
        assertThat(group.path("sticky_sender").asBoolean()).isTrue();
        JsonNode membership = json("signalwire", "groups", "add", groupId, number.path("number").asText());
        assertThat(membership.path("phone_number_id").asText()).isEqualTo(number.path("id").asText());
        assertThat(json("signalwire", "groups", "list").get(0).path("phone_number_count").asInt()).isEqualTo(1);
        assertThat(json("signalwire", "groups", "list", groupId)).singleElement()
                .satisfies(m -> assertThat(m.path("number").asText()).isEqualTo(number.path("number").asText()));
        CliRun.Result twice = cli().run("signalwire", "groups", "add", groupId, number.path("id").asText());
        assertThat(twice.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(twice.err()).contains("already in a number group");
        CliRun.Result removed = cli().run("signalwire", "groups", "remove", groupId, number.path("number").asText());
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(json("signalwire", "groups", "list", groupId)).isEmpty();
        CliRun.Result deleted = cli().run("signalwire", "groups", "delete", groupId, "--yes");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).contains("Deleted group sales");
        assertThat(json("signalwire", "numbers", "list")).hasSize(1);
    }
}
