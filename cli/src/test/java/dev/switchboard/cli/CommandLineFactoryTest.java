package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineFactoryTest {
    @TempDir
    Path dir;

    private CliContext context() {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), false, Map.of(), dir, Clock.systemUTC());
    }

    @Test
    void helpAndVersionBuildNoTopLevelCommandButListThemAll() {
        CommandLine lazy = CommandLineFactory.create(context(), "--help");
        CommandLine full = CommandLineFactory.create(context());

        assertThat(lazy.getSubcommands().keySet()).containsExactlyElementsOf(full.getSubcommands().keySet());
        assertThat(lazy.getSubcommands().get("daily").getSubcommands()).isEmpty();
        assertThat(lazy.getSubcommands().get("daily").getCommandSpec().userObject()).isNull();
        assertThat(full.getSubcommands().get("daily").getSubcommands()).containsKeys("numbers", "dialin");
    }

    @Test
    void theTopLevelHelpIsTheSameWithPlaceholders() {
        String lazy = CommandLineFactory.create(context(), "--help").getUsageMessage(CommandLine.Help.Ansi.OFF);
        String full = CommandLineFactory.create(context()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(lazy).isEqualTo(full).contains("daily").contains("completion");
    }

    @Test
    void aCommandLineBuildsTheBranchesItNamesWhereverTheNameStands() {
        CommandLine tree = CommandLineFactory.create(context(), "help", "transfer");

        assertThat(tree.getSubcommands().get("transfer").getSubcommands()).containsKeys("plan", "apply");
        assertThat(tree.getSubcommands().get("daily").getSubcommands()).isEmpty();
    }

    @Test
    void insideAGroupOnlyTheNamedCommandIsBuilt() {
        CommandLine tree = CommandLineFactory.create(context(), "daily", "numbers", "list");
        CommandLine daily = tree.getSubcommands().get("daily");
        CommandLine numbers = daily.getSubcommands().get("numbers");

        assertThat(daily.getCommandSpec().userObject()).isNotNull();
        assertThat(numbers.getSubcommands().get("list").getCommandSpec().userObject()).isNotNull();
        assertThat(numbers.getSubcommands().get("buy").getCommandSpec().userObject()).isNull();
        assertThat(daily.getSubcommands().get("dialin").getSubcommands()).isEmpty();
        assertThat(daily.getSubcommands().get("dialin").getCommandSpec().userObject()).isNull();
    }

    @Test
    void everyGroupsHelpIsTheSameWithPlaceholders() {
        CommandLine full = CommandLineFactory.create(context());
        for (String group : new String[] {"daily", "signalwire", "transfer", "profiles"}) {
            String lazy = CommandLineFactory.create(context(), group, "--help").getSubcommands().get(group)
                    .getUsageMessage(CommandLine.Help.Ansi.OFF);

            assertThat(lazy).as(group).isEqualTo(full.getSubcommands().get(group).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        String lazyNumbers = CommandLineFactory.create(context(), "daily", "numbers").getSubcommands().get("daily")
                .getSubcommands().get("numbers").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(lazyNumbers).isEqualTo(full.getSubcommands().get("daily").getSubcommands().get("numbers")
                .getUsageMessage(CommandLine.Help.Ansi.OFF)).contains("list").contains("release");
    }

    @Test
    void helpForANamedCommandIsItsRealHelp() {
        CliRun.Result result = new CliRun(dir).run("help", "daily");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Usage: switchboard daily").contains("numbers").contains("dialin");
    }

    @Test
    void aMistypedCommandStillGetsSuggestions() {
        CliRun.Result result = new CliRun(dir).run("dialy");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument").contains("daily");
    }
}
