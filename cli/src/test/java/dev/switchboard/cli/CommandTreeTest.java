package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help of every command in the tree, checked as a user reads it: no picocli warning, no line over 100
 * columns, every option and parameter described with a label a person would write, summaries that are whole
 * sentences, {@code -V} only where it means something, {@code --yes} wherever something changes, and pointers
 * to the man pages rather than to files a user of the release does not have.
 */
class CommandTreeTest {
    private static final int MAX_COLUMNS = 100;
    private static final Pattern JAVA_LABEL = Pattern.compile("<[a-z][A-Za-z0-9]*>");
    /** Leaf commands that only read (or run locally): everything else changes something and takes --yes. */
    private static final Set<String> READ_ONLY = Set.of(
            "help", "completion", "emulator", "demo", "bench",
            "signalwire numbers search", "signalwire numbers list", "signalwire numbers get", "signalwire numbers usage",
            "signalwire addresses list", "signalwire e911 status", "signalwire caller-ids list", "signalwire groups list",
            "transfer verify", "transfer status",
            "daily whoami", "daily numbers list", "daily numbers search", "daily dialin list", "daily dialin get",
            "daily dialin legacy", "daily caller-ids list", "daily webhooks list", "daily webhooks listen",
            "daily rooms list", "daily rooms get", "profiles list", "snapshot",
            "inventory export", "inventory plan", "inventory drift", "inventory schema");
    /** The commands that read lists page by page, where --page-size means something. */
    private static final Set<String> PAGED = Set.of("signalwire numbers list", "signalwire addresses list",
            "signalwire caller-ids list", "signalwire groups list", "signalwire numbers usage");

    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpReadsWell() {
        List<String> problems = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>();
        String warnings = picocliWarnings(() -> {
            collect(tree(), commands);
            for (CommandLine command : commands) {
                check(command, problems);
            }
        });
        if (!warnings.isBlank()) {
            problems.add("picocli warns: " + warnings.strip());
        }
        assertThat(commands).as("commands in the tree").hasSizeGreaterThan(60);
        assertThat(problems).as("help problems").isEmpty();
    }

    private CommandLine tree() {
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), false, Map.of(), dir, Clock.systemUTC());
        return CommandLineFactory.create(context);
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    private static void check(CommandLine command, List<String> problems) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName(" ").replaceFirst("^switchboard ?", "");
        String where = "'" + spec.qualifiedName(" ") + "'";
        String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String line : help.split("\n", -1)) {
            if (line.length() > MAX_COLUMNS) {
                problems.add(where + ": line over " + MAX_COLUMNS + " columns: " + line);
            }
        }
        if (help.contains("docs/")) {
            problems.add(where + ": points to docs/ (a release has man pages instead)");
        }
        String[] description = spec.usageMessage().description();
        if (description.length == 0 || description[0].isBlank()) {
            problems.add(where + ": no description");
        }
        for (String paragraph : description) {
            if (!paragraph.isBlank() && !paragraph.strip().endsWith(".") && !paragraph.startsWith("Example:")) {
                problems.add(where + ": description does not end a sentence: " + paragraph);
            }
        }
        for (ArgSpec arg : spec.args()) {
            String label = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
            if (arg.description().length == 0 || String.join("", arg.description()).isBlank()) {
                problems.add(where + ": " + label + " has no description");
            }
            boolean takesValue = arg.isPositional() || arg.typeInfo().getType() != boolean.class
                    && arg.typeInfo().getType() != Boolean.class;
            if (takesValue && JAVA_LABEL.matcher(arg.paramLabel()).matches()) {
                problems.add(where + ": " + label + " is labelled with a Java name " + arg.paramLabel());
            }
        }
        boolean leaf = command.getSubcommands().isEmpty();
        if (spec.parent() != null && (spec.findOption("-V") != null || spec.findOption("--version") != null)) {
            problems.add(where + ": -V/--version on a subcommand (it prints the same as 'switchboard -V')");
        }
        if (spec.findOption("--page-size") != null && !PAGED.contains(name)) {
            problems.add(where + ": --page-size where nothing is listed page by page");
        }
        if (leaf && !READ_ONLY.contains(name) && spec.findOption("--yes") == null) {
            problems.add(where + ": changes something but does not accept --yes");
        }
    }

    /**
     * What picocli's tracer printed while {@code action} ran (e.g. "Could not format ..." for a lone % in help
     * text, which picocli formats with String.format). The tracer writes to whatever System.err is at the time.
     */
    private static String picocliWarnings(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
