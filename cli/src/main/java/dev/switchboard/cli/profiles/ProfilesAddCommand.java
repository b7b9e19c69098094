package dev.switchboard.cli.profiles;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code switchboard profiles add NAME}: keys come from a prompt that does not echo, or one per line on
 * stdin (in the order the help gives); never from the command line, and they are never printed.
 */
@Command(name = "add",
        description = {"Add a profile, or update the parts of one given here. Keys are asked for without echo on a "
                + "terminal, else read one per line from stdin in this order: DAILY_API_KEY (--daily), "
                + "DAILY_SOURCE_API_KEY and DAILY_TARGET_API_KEY (--daily-transfer), SIGNALWIRE_API_TOKEN (--signalwire).",
                "Example: printf '%%s\\n' \"$KEY\" | switchboard profiles add ops --daily"})
final class ProfilesAddCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    dev.switchboard.cli.support.ConfirmMixin confirm;
    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The profile's name: letters, digits, '-' and '_'.")
    String name;

    @Option(names = "--daily", description = "Ask for DAILY_API_KEY (one domain, for the daily commands).")
    boolean daily;

    @Option(names = "--daily-transfer",
            description = "Ask for DAILY_SOURCE_API_KEY and DAILY_TARGET_API_KEY (the two domains of a transfer).")
    boolean transfer;

    @Option(names = "--daily-api-url", paramLabel = "URL", description = "Keep this DAILY_API_URL (e.g. an emulator).")
    String dailyApiUrl;

    @Option(names = "--signalwire", paramLabel = "SPACE_URL",
            description = "Keep this SignalWire space (SIGNALWIRE_SPACE_URL) and ask for its SIGNALWIRE_API_TOKEN.")
    String signalwireSpace;

    @Option(names = "--signalwire-project", paramLabel = "ID",
            description = "The SignalWire project id (SIGNALWIRE_PROJECT_ID); required with --signalwire for a new profile.")
    String signalwireProject;

    ProfilesAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!Profile.validName(name)) {
            throw CliException.invalidInput("profile name " + name + " is not allowed: use letters, digits, '-' and '_'");
        }
        if (!daily && !transfer && dailyApiUrl == null && signalwireSpace == null && signalwireProject == null) {
            throw CliException.invalidInput("say what the profile holds: --daily, --daily-transfer, --signalwire SPACE_URL");
        }
        ConfigFile config = ProfilesCommand.config(context);
        Map<String, String> values = new LinkedHashMap<>(config.profiles().containsKey(name)
                ? config.profiles().get(name).values() : Map.of());
        if (signalwireSpace != null && signalwireProject == null && !values.containsKey("SIGNALWIRE_PROJECT_ID")) {
            throw CliException.invalidInput("--signalwire needs --signalwire-project ID for a new SignalWire space");
        }
        List<String> secrets = new ArrayList<>();
        if (daily) {
            secrets.add("DAILY_API_KEY");
        }
        if (transfer) {
            secrets.add("DAILY_SOURCE_API_KEY");
            secrets.add("DAILY_TARGET_API_KEY");
        }
        if (signalwireSpace != null) {
            secrets.add("SIGNALWIRE_API_TOKEN");
            values.put("SIGNALWIRE_SPACE_URL", signalwireSpace);
        }
        if (signalwireProject != null) {
            values.put("SIGNALWIRE_PROJECT_ID", signalwireProject);
        }
        if (dailyApiUrl != null) {
            values.put("DAILY_API_URL", dailyApiUrl);
        }
        List<String> saved = new ArrayList<>();
        for (String variable : secrets) {
            String value = readSecret(variable);
            values.put(variable, value);
            saved.add(variable + " " + Secret.of(value).fingerprint());
        }
        config.put(new Profile(name, values));
        boolean first = config.current().isEmpty();
        if (first) {
            config.use(name);
        }
        config.save();
        context.err().println("saved profile " + name + " in " + config.path() + (saved.isEmpty() ? ""
                : " (" + String.join(", ", saved) + ")") + (first ? "; it is the current profile" : ""));
        context.err().flush();
        return ExitCode.OK;
    }

    /** One key: without echo from the console, else one line of stdin. Blank is refused. */
    private String readSecret(String variable) {
        String value;
        Console console = context.interactive() ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("%s (input hidden): ", variable);
            value = typed == null ? null : new String(typed);
        } else {
            if (context.interactive()) {
                context.err().print(variable + ": ");
                context.err().flush();
            }
            try {
                value = context.in().readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + variable + " from stdin", e);
            }
        }
        if (value == null || value.isBlank()) {
            throw CliException.invalidInput("no value for " + variable + " (expected one line "
                    + (context.interactive() ? "at the prompt" : "on stdin") + "); nothing was saved");
        }
        return value.strip();
    }
}
