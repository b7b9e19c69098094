package dev.switchboard.cli.inventory;

import dev.switchboard.cli.CliRun;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.signalwire.NumberSearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Edit the exported file, plan, apply: live then matches the file (drift exits 0). */
class InventoryApplyTest extends InventoryCliTestBase {
    private String exported;

    @BeforeEach
    void exportEverything() throws IOException {
        addEveryKind();
        exported = export();
    }

    /** The edits every apply test makes: at least one action of most kinds. */
    String edited(String spareSignalWireNumber) {
        return InventoryEdits.apply(exported, hookUrl("/second"), spareSignalWireNumber);
    }

    String spare() {
        return signalwire().searchNumbers(NumberSearch.local().withAreacode("503")).get(0).e164();
    }

    @Test
    void editPlanApplyThenNoDrift() throws IOException {
        String spare = spare();
        Files.writeString(dir.resolve("numbers.yaml"), edited(spare));
        CliRun.Result plan = run("inventory", "plan", "-f", "numbers.yaml", "--allow-release");
        System.out.println(plan);
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains(
                "~ daily.dialin_configs[\"+14155550102\"]",
                "+ daily.webhooks[\"" + hookUrl("/second") + "\"]",
                "+ daily.verified_caller_ids[\"+13105550123\"]",
                "- daily.dialin_configs[\"sip:",
                "- daily.numbers[\"+14155550105\"]   (releases the number)",
                "+ signalwire.numbers[\"" + spare + "\"]",
                "~ signalwire.numbers[\"+15035550101\"]",
                "+ signalwire.groups[\"Spare\"]",
                "+ signalwire.groups[\"Portland\"].numbers[\"+15035550102\"]",
                "Plan: ");
        assertThat(Files.getPosixFilePermissions(dir.resolve("inventory_plan.json")).toString()).doesNotContain("GROUP", "OTHERS");

        CliRun.Result apply = run("inventory", "apply", "--yes");
        System.out.println(apply);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).contains("This plan deletes, replaces or releases:", "- daily.numbers[\"+14155550105\"]");

        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).as(drift.toString()).isZero();
        assertThat(daily().purchasedNumbers(PurchasedNumberFilter.all()).stream()
                .filter(n -> !n.isDeleted()).map(n -> n.number())).doesNotContain("+14155550105");
        assertThat(signalwire().findNumber(spare)).isPresent();

        CliRun.Result again = run("inventory", "apply", "--yes");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("already_done");
    }

    @Test
    void releaseNeedsTheFlagToo() throws IOException {
        Files.writeString(dir.resolve("numbers.yaml"), edited(spare()));
        CliRun.Result plan = run("inventory", "plan", "-f", "numbers.yaml");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).doesNotContain("releases the number")
                .contains("! daily.numbers[\"+14155550105\"]: marked release: true; run with --allow-release to release it");
        assertThat(run("inventory", "apply", "--yes").exitCode()).isZero();
        assertThat(daily().purchasedNumbers(PurchasedNumberFilter.all()).stream().map(n -> n.number()))
                .contains("+14155550105");
        assertThat(run("inventory", "drift", "-f", "numbers.yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void droppedNumbersAreNeverReleased() throws IOException {
        String withoutNumbers = exported.replaceAll("(?m)^    - number: \"\\+1415555010[1-4]\"\\n      name: [^\\n]+\\n", "");
        assertThat(withoutNumbers).doesNotContain("name: Source Sales");
        Files.writeString(dir.resolve("numbers.yaml"), withoutNumbers);
        CliRun.Result plan = run("inventory", "plan", "-f", "numbers.yaml", "--allow-release");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.", ". daily.numbers[\"+14155550101\"]");
    }

    @Test
    void applyWithoutTerminalOrYesChangesNothing() throws IOException {
        Files.writeString(dir.resolve("numbers.yaml"), edited(spare()));
        assertThat(run("inventory", "plan", "-f", "numbers.yaml").exitCode()).isZero();
        emulator.admin().clearRequests();
        CliRun.Result apply = run("inventory", "apply");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(7);
        assertThat(writes()).isEmpty();
        assertThat(daily().dialinConfigs(DialinConfigFilter.all())).hasSize(6);
    }
}
