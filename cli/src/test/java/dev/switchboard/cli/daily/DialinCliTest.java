package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.LegacyPinlessEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.switchboard.cli.daily.NumbersCliTest.json;
import static org.assertj.core.api.Assertions.assertThat;

class DialinCliTest extends DailyCliTestBase {
    private static final String HMAC = "ZGlhbGluLWhtYWMtZm9yLXRlc3Rz";

    private DailyClient client() {
        return new DailyClient(emulator.dailyBaseUri(), Secret.of(key),
                DailyClientOptions.defaults().withRetryPolicy(RetryPolicy.none()));
    }

    @Test
    void createUpdateGetAndDeleteWithoutEverShowingOrDroppingTheHmac() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        CliRun.Result created = cli().env("SALES_HMAC", HMAC).run("daily", "dialin", "create", "--type", "pinless",
                "--phone-number", "+1 415 555 0101", "--room-creation-api", "https://hooks.example/sales",
                "--hmac-env", "SALES_HMAC", "--timeout-message", "all busy", "-o", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode row = json(created);
        assertThat(row.path("hmac_set").asBoolean()).isTrue();
        assertThat(row.path("phone_number").asText()).isEqualTo("+14155550101");
        assertThat(created.out()).doesNotContain(HMAC);
        String id = row.path("id").asText();

        CliRun.Result updated = run("daily", "dialin", "update", id, "--name-prefix", "sales", "-o", "json");
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(json(updated).path("name_prefix").asText()).isEqualTo("sales");
        assertThat(client().dialinConfig(id).hmac()).isEqualTo(Secret.of(HMAC));
        assertThat(run("daily", "dialin", "update", id).exitCode()).isEqualTo(ExitCode.INVALID_INPUT);

        assertThat(json(run("daily", "dialin", "get", id, "-o", "json")).path("room_creation_api").asText())
                .isEqualTo("https://hooks.example/sales");
        assertThat(run("daily", "dialin", "list", "--type", "pinless", "-o", "csv").out())
                .startsWith("id,type,phone_number,sip_uri,name_prefix,room_creation_api,hmac_set,created_at")
                .contains(id);

        assertThat(run("daily", "dialin", "delete", id).exitCode()).isEqualTo(ExitCode.NEEDS_CONFIRMATION);
        CliRun.Result deleted = run("daily", "dialin", "delete", id, "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("deleted pinless_dialin config " + id + " (+14155550101)");
        assertThat(run("daily", "dialin", "get", id).exitCode()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void dailysRulesAreCheckedBeforeSending() {
        CliRun.Result pinWithoutNumber = run("daily", "dialin", "create", "--type", "pin");
        assertThat(pinWithoutNumber.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(pinWithoutNumber.err()).contains("pin_dialin config needs a phone number");
        CliRun.Result missingHmac = run("daily", "dialin", "create", "--type", "pinless", "--hmac-env", "NOPE");
        assertThat(missingHmac.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(requestsTo("/domain-dialin-config")).isZero();
    }

    @Test
    void legacyArraysAreShownReadOnly() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550104");
        client().replaceLegacyDialin(List.of(new LegacyPinlessEntry("+14155550104", null, Secret.of(HMAC),
                "https://hooks.example/legacy", "old", null, null, null)), List.of());
        CliRun.Result legacy = run("daily", "dialin", "legacy", "-o", "json");
        assertThat(legacy.exitCode()).as(legacy.toString()).isZero();
        JsonNode row = json(legacy).get(0);
        assertThat(row.path("kind").asText()).isEqualTo("pinless_dialin");
        assertThat(row.path("sip_uri").asText()).startsWith("static-address--");
        assertThat(row.path("hmac_set").asBoolean()).isTrue();
        assertThat(legacy.out()).doesNotContain(HMAC);
    }

    @Test
    void callerIdsAreAddedAndListed() throws Exception {
        CliRun.Result added = run("daily", "caller-ids", "add", "+12125550199", "--name", "HQ", "-o", "json");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(json(added).path("number").asText()).isEqualTo("+12125550199");
        assertThat(json(run("daily", "caller-ids", "list", "-o", "json")).get(0).path("name").asText()).isEqualTo("HQ");
        assertThat(run("daily", "caller-ids", "add", "12").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    }
}
