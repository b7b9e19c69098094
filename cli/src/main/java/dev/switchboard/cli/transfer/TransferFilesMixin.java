package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.rehearsal.RehearsalInputs;
import dev.switchboard.daily.migration.MigrationEngine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code --dir} and {@code --plan}: where the plan, its journal and the output files live. */
public final class TransferFilesMixin implements RehearsalInputs {
    static final String PLAN_FILE = "transfer_plan.json";

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Directory of the plan, journal and output files (default: the working directory).")
    String dir;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "The plan file (default: DIR/" + PLAN_FILE + "). Its journal is FILE with .journal.")
    String plan;
    Path dir(CliContext context) {
        return dir == null ? context.workDir() : context.resolve(dir);
    }

    Path plan(CliContext context) {
        return plan == null ? dir(context).resolve(PLAN_FILE) : context.resolve(plan);
    }

    /** A rehearsal works on copies of the plan and its journal in its own directory. */
    @Override
    public Map<Path, Path> rehearsalCopies(CliContext context) {
        Path plan = plan(context);
        Path copy = Path.of(PLAN_FILE);
        return Map.of(plan, copy, MigrationEngine.journalFor(plan), MigrationEngine.journalFor(copy));
    }

    @Override
    public List<String> rehearsalDroppedOptions() {
        return List.of("--dir", "--plan");
    }
}
