package dev.switchboard.cli.profiles;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.http.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard profiles}: named sets of credentials in config.toml. */
@Command(name = ProfilesCommand.NAME,
        description = ProfilesCommand.SUMMARY)
public final class ProfilesCommand implements CommandGroup {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "profiles";
    public static final String SUMMARY = "Keep named profiles of Daily keys and SignalWire spaces in config.toml "
            + "($XDG_CONFIG_HOME/switchboard, owner-only) and choose one with --profile or SWITCHBOARD_PROFILE. "
            + "The environment and .env still win over a profile.";

    @Override
    public List<Class<?>> subcommands() {
        return List.of(ProfilesAddCommand.class,
                ProfilesCommand.ListProfiles.class,
                ProfilesCommand.Use.class,
                ProfilesCommand.Remove.class);
    }

    private ProfilesCommand() {
    }

    /** The config file of this environment, or exit 3 when there is nowhere to keep one. */
    static ConfigFile config(CliContext context) {
        Path path = ConfigFile.location(context.environment()).orElseThrow(() -> CliException.precondition(
                "neither XDG_CONFIG_HOME nor HOME is set: there is nowhere to keep config.toml"));
        return ConfigFile.load(path);
    }

    /** What {@code profiles list} prints: names and fingerprints, never a key. */
    record Row(String name, boolean current, String dailyApiKey, String dailySourceApiKey, String dailyTargetApiKey,
               String dailyApiUrl, String signalwireProjectId, String signalwireSpaceUrl, String signalwireApiToken) {
        static Row of(Profile profile, boolean current) {
            return new Row(profile.name(), current, fingerprint(profile, "DAILY_API_KEY"),
                    fingerprint(profile, "DAILY_SOURCE_API_KEY"), fingerprint(profile, "DAILY_TARGET_API_KEY"),
                    profile.values().get("DAILY_API_URL"), profile.values().get("SIGNALWIRE_PROJECT_ID"),
                    profile.values().get("SIGNALWIRE_SPACE_URL"), fingerprint(profile, "SIGNALWIRE_API_TOKEN"));
        }

        private static String fingerprint(Profile profile, String variable) {
            String value = profile.values().get(variable);
            return value == null ? null : Secret.of(value).fingerprint();
        }
    }

    static Table<Row> table() {
        return Table.of(Row.class)
                .column("NAME", "name", Row::name)
                .column("CURRENT", "current", Row::current)
                .column("DAILY KEY", "daily_api_key", Row::dailyApiKey)
                .column("SOURCE KEY", "daily_source_api_key", Row::dailySourceApiKey)
                .column("TARGET KEY", "daily_target_api_key", Row::dailyTargetApiKey)
                .column("DAILY URL", "daily_api_url", Row::dailyApiUrl)
                .column("SW PROJECT", "signalwire_project_id", Row::signalwireProjectId)
                .column("SW SPACE", "signalwire_space_url", Row::signalwireSpaceUrl)
                .column("SW TOKEN", "signalwire_api_token", Row::signalwireApiToken);
    }

    @Command(name = "list",
            description = "List the profiles; keys show as fingerprints (first 8 hex digits of their SHA-256).")
    static final class ListProfiles implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        OutputMixin output;

        ListProfiles(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ConfigFile config = config(context);
            String current = config.current().orElse(null);
            List<Row> rows = config.profiles().values().stream().sorted(java.util.Comparator.comparing(Profile::name))
                    .map(p -> Row.of(p, p.name().equals(current))).toList();
            output.print(table(), rows);
            return ExitCode.OK;
        }
    }

    @Command(name = "use",
            description = "Make a profile the current one (used when neither --profile nor SWITCHBOARD_PROFILE is given).")
    static final class Use implements Callable<Integer> {
        @Mixin
        ConfirmMixin confirm;
        private final CliContext context;
        @Parameters(paramLabel = "NAME", description = "The profile.")
        String name;

        Use(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ConfigFile config = config(context);
            config.use(name);
            config.save();
            context.err().println("current profile: " + name + " (" + config.path() + ")");
            context.err().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "remove",
            description = "Delete a profile and the keys it holds from config.toml (after confirmation).")
    static final class Remove implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "NAME", description = "The profile.")
        String name;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ConfigFile config = config(context);
            Profile profile = config.require(name);
            // Named before the question, so that a run without a terminal also says what it would delete.
            context.err().println("Profile " + name + " holds " + Plural.of(profile.values().size(), "setting") + " ("
                    + String.join(", ", profile.values().keySet()) + ") in " + config.path() + ".");
            context.err().flush();
            new Prompter(context, confirm.yes()).require("Remove profile " + name + " and its settings?");
            config.remove(name);
            config.save();
            context.err().println("removed profile " + name);
            context.err().flush();
            return ExitCode.OK;
        }
    }
}
