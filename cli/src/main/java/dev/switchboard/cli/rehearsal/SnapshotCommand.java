package dev.switchboard.cli.rehearsal;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.config.Env;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code switchboard snapshot --out FILE}: the configured accounts, read-only, as an emulator state document. */
@Command(name = SnapshotCommand.NAME,
        description = {SnapshotCommand.SUMMARY,
                "FILE is written owner-only (0600): it holds hmacs. It holds no real key: the copy gets fresh fake "
                        + "credentials, written to FILE.env (also 0600)."})
public final class SnapshotCommand implements Callable<Integer> {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "snapshot";
    public static final String SUMMARY = "Copy the configured accounts (read-only: GET requests only) into an "
            + "emulator state document that 'switchboard emulator --state FILE' serves: numbers with their purchase "
            + "dates, dial-in configs (hmacs included), legacy arrays, caller ids, webhooks, rooms, participants "
            + "present; SignalWire numbers, handlers, groups, addresses and E911 status.";

    private final CliContext context;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The state document to write.")
    String out;
    @Option(names = "--daily", description = "Copy the Daily domain of DAILY_API_KEY.")
    boolean daily;
    @Option(names = "--transfer", description = "Copy the transfer's domains (DAILY_SOURCE_API_KEY, DAILY_TARGET_API_KEY).")
    boolean transfer;
    @Option(names = "--signalwire", description = "Copy the SignalWire project of SIGNALWIRE_PROJECT_ID.")
    boolean signalwire;

    SnapshotCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path file = context.resolve(out);
        if (Files.isDirectory(file)) {
            throw CliException.invalidInput("--out " + out + " is a directory; name the file to write");
        }
        Env env = context.settings();
        Accounts accounts = daily || transfer || signalwire ? new Accounts(daily, transfer, signalwire)
                : Accounts.configured(env);
        Snapshot snapshot = Snapshot.take(env, accounts, Snapshot.SignalWireTarget.FROM_SETTINGS,
                context.clock().instant(), 0);
        SnapshotFiles.write(file, snapshot);
        PrintWriter err = context.err();
        snapshot.summary().forEach(err::println);
        err.println("Wrote " + file + " (owner-only) and its fake credentials " + SnapshotFiles.envFileFor(file)
                + " (owner-only). Serve it: switchboard emulator --state " + file);
        err.flush();
        return ExitCode.OK;
    }
}
