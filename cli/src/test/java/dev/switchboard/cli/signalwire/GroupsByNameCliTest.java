package dev.switchboard.cli.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Number groups named by id or by name, like numbers are named by id or E.164; changing commands take --yes. */
class GroupsByNameCliTest extends SignalWireCliTestBase {

    @Test
    void everyGroupCommandAcceptsTheGroupsName() {
        JsonNode number = buy("212", "Front desk");
        JsonNode group = json("signalwire", "groups", "create", "Sales", "--sticky-sender", "--yes");

        JsonNode added = json("signalwire", "groups", "add", "Sales", number.path("number").asText(), "--yes");
        assertThat(added.path("number_group_id").asText()).isEqualTo(group.path("id").asText());
        assertThat(json("signalwire", "groups", "list", "Sales")).hasSize(1)
                .first().satisfies(m -> assertThat(m.path("number").asText()).isEqualTo(number.path("number").asText()));
        assertThat(json("signalwire", "groups", "list", group.path("id").asText())).hasSize(1);

        CliRun.Result removed = cli().run("signalwire", "groups", "remove", "Sales", number.path("id").asText(), "--yes");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.out()).contains("from group Sales");
        assertThat(json("signalwire", "groups", "list", "Sales")).isEmpty();

        CliRun.Result unknown = cli().run("signalwire", "groups", "delete", "Marketing", "--yes");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(unknown.err()).contains("no number group with the id or name Marketing");
        CliRun.Result deleted = cli().run("signalwire", "groups", "delete", "Sales", "--yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("Deleted group Sales");
        assertThat(json("signalwire", "groups", "list")).isEmpty();
    }

    @Test
    void aNameTwoGroupsShareIsRefusedNamingTheirIds() {
        String first = json("signalwire", "groups", "create", "Pool").path("id").asText();
        String second = json("signalwire", "groups", "create", "Pool").path("id").asText();
        CliRun.Result ambiguous = cli().run("signalwire", "groups", "delete", "Pool", "--yes");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(ambiguous.err()).contains("2 groups are named Pool").contains(first).contains(second);
        assertThat(json("signalwire", "groups", "list")).hasSize(2);
    }

    @Test
    void aBulkUpdatePlanShowsItsChangesAsFieldValuePairs() {
        buy("305", "Desk");
        CliRun.Result plan = cli().run("signalwire", "numbers", "update", "--all", "--name", "Bulk", "--dry-run");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("name=Bulk").doesNotContain("{name=Bulk}");
        JsonNode json = json("signalwire", "numbers", "update", "--all", "--name", "Bulk", "--dry-run");
        assertThat(json.get(0).path("changes").path("name").asText()).isEqualTo("Bulk");
    }
}
