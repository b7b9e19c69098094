package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.core.http.HttpClients;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** Entry point of the {@code switchboard} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = runInThisProcess(args);
        HttpClients.stopForExit();
        System.exit(exitCode);
    }

    /** Runs one command line on this process's streams, environment and directory, as {@link #main} does. */
    static int runInThisProcess(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean terminal = System.console() != null;
        CliContext context = new CliContext(out, err, in, terminal, TerminalWidth.withColumns(System.getenv(), terminal),
                Path.of("").toAbsolutePath(), Clock.systemUTC());
        return run(context, args);
    }

    /** Runs one command line in this process and returns its exit code (what tests call). */
    public static int run(CliContext context, String... args) {
        return CommandLineFactory.create(ProfileFlag.apply(context, args), args).execute(args);
    }

    /** The whole command tree, every command built (what completion scripts and man pages are made from). */
    public static CommandLine commandTree(CliContext context) {
        return CommandLineFactory.create(context);
    }
}
