package dev.switchboard.cli.inventory;

import dev.switchboard.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Export, then plan and drift show no change: for the demo state and for every resource kind. */
class InventoryRoundTripTest extends InventoryCliTestBase {

    @Test
    void demoStateRoundTripsWithNoChange() throws IOException {
        String yaml = export();
        System.out.println(yaml);
        emulator.admin().clearRequests();
        CliRun.Result plan = run("inventory", "plan", "-f", "numbers.yaml");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes. Live matches the file.");
        assertThat(run("inventory", "drift", "-f", "numbers.yaml").exitCode()).isZero();
        assertThat(writes()).isEmpty();
    }

    @Test
    void everyResourceKindRoundTrips() throws IOException {
        addEveryKind();
        String yaml = export();
        System.out.println(yaml);
        assertThat(yaml).contains("webhooks:", "legacy_dialin:", "pin:", "sip_uri:", "groups:", "e911_address: Demo HQ",
                "verified_caller_ids:", "addresses:", "hmac:", "secret: WEBHOOK_127_0_0_1_");
        assertThat(yaml).doesNotContain(WEBHOOK_HMAC, SIP_HMAC);
        String secrets = Files.readString(dir.resolve("numbers.secrets.yaml"));
        assertThat(secrets).contains(WEBHOOK_HMAC, SIP_HMAC);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("numbers.secrets.yaml"))))
                .isEqualTo("rw-------");
        emulator.admin().clearRequests();
        CliRun.Result plan = run("inventory", "plan", "-f", "numbers.yaml");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).as(plan.toString()).contains("No changes.");
        assertThat(plan.out() + plan.err()).doesNotContain(WEBHOOK_HMAC, SIP_HMAC);
        assertThat(run("inventory", "drift", "-f", "numbers.yaml").exitCode()).isZero();
        assertThat(writes()).isEmpty();
    }

    @Test
    void exportIsDeterministic() throws IOException {
        addEveryKind();
        String first = export();
        String second = export();
        assertThat(second).isEqualTo(first);
    }
}
