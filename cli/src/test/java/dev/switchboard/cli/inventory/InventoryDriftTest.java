package dev.switchboard.cli.inventory;

import dev.switchboard.cli.CliRun;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.DialinConfigPatch;
import dev.switchboard.signalwire.NumberField;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** An outside change made through the provider API after the export: drift exits 2 and names it. */
class InventoryDriftTest extends InventoryCliTestBase {

    @BeforeEach
    void exportEverything() throws IOException {
        addEveryKind();
        export();
        assertThat(run("inventory", "drift", "-f", "numbers.yaml").exitCode()).isZero();
    }

    @Test
    void changedDialinConfigIsDrift() {
        var config = daily().dialinConfigs(DialinConfigFilter.all()).stream()
                .filter(c -> "+14155550102".equals(c.phoneNumber())).findFirst().orElseThrow();
        daily().updateDialinConfig(config.id(), DialinConfigPatch.none().withRoomCreationApi("https://evil.example.com/x"));
        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
        assertThat(drift.out()).contains("~ daily.dialin_configs[\"+14155550102\"]",
                "~ room_creation_api: \"https://evil.example.com/x\" -> \"https://example.com/dialin/support\"",
                "Plan: 0 to add, 1 to change, 0 to destroy.");
        assertThat(drift.err()).contains("drift: live differs from numbers.yaml");
    }

    @Test
    void addedWebhookAndChangedHmacAreDriftWithoutShowingSecrets() {
        var hook = daily().webhooks().list().get(0);
        daily().webhooks().update(hook.uuid(), new dev.switchboard.daily.WebhookSpec(hook.url(), hook.eventTypes(),
                dev.switchboard.core.http.Secret.of("b3RoZXItc2VjcmV0LXZhbHVlLTAwMDAwMDAwMDA="), hook.retryType()));
        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).isEqualTo(2);
        assertThat(drift.out()).contains("~ daily.webhooks[\"" + hook.url() + "\"]", "~ hmac: \"(another value)\" -> \"secret WEBHOOK_")
                .doesNotContain("b3RoZXItc2VjcmV0LXZhbHVlLTAwMDAwMDAwMDA=", WEBHOOK_HMAC);
    }

    @Test
    void deletedConfigIsDrift() {
        var config = daily().dialinConfigs(DialinConfigFilter.all()).stream()
                .filter(c -> "+14155550105".equals(c.phoneNumber())).findFirst().orElseThrow();
        daily().deleteDialinConfig(config.id());
        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).isEqualTo(2);
        assertThat(drift.out()).contains("+ daily.dialin_configs[\"+14155550105\"]", "1 to add");
    }

    @Test
    void signalWireHandlerGroupAndE911ChangesAreDrift() {
        var signalwire = signalwire();
        var number = signalwire.findNumber("+15035550101").orElseThrow();
        signalwire.updateNumber(number.id(), PhoneNumberUpdate.empty().with(NumberField.CALL_REQUEST_URL,
                "https://elsewhere.example.com/voice"));
        signalwire.removeE911Address(number.id());
        var group = signalwire.directory().numberGroups(null).get(0);
        signalwire.directory().memberships(group.id()).forEach(m -> signalwire.directory().removeMembership(m.id()));
        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).isEqualTo(2);
        assertThat(drift.out()).contains("~ signalwire.numbers[\"+15035550101\"]",
                "~ call_request_url: \"https://elsewhere.example.com/voice\" -> \"https://example.com/voice\"",
                "+ e911_address: \"Demo HQ\"",
                "+ signalwire.groups[\"Portland\"].numbers[\"+15035550101\"]");
    }

    @Test
    void boughtNumberIsUnmanagedNotDrift() {
        var signalwire = signalwire();
        String spare = signalwire.searchNumbers(dev.switchboard.signalwire.NumberSearch.local().withAreacode("503"))
                .get(0).e164();
        signalwire.purchaseNumber(spare);
        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).as(drift.toString()).isZero();
        assertThat(drift.out()).contains("Unmanaged (live, not in the file; left alone):",
                ". signalwire.numbers[\"" + spare + "\"]");
    }

    @Test
    void renamedDailyNumberIsDriftNoActionCanFix() throws IOException {
        String yaml = java.nio.file.Files.readString(dir.resolve("numbers.yaml")).replace("Source Spare", "Renamed");
        java.nio.file.Files.writeString(dir.resolve("numbers.yaml"), yaml);
        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).isEqualTo(2);
        assertThat(drift.out()).contains("! daily.numbers[\"+14155550105\"]: Daily offers no way to rename a number",
                "No actions to take; 1 difference above needs a hand.");
    }
}
