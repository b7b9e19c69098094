package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.daily.migration.EntryResult;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.PlanProblem;
import dev.switchboard.daily.migration.TransferPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard transfer status}: every entry's state from the journal, without contacting Daily. */
@Command(name = "status",
        description = "Show every plan entry's state from the journal (no network, no credentials needed), "
                + "including started entries the plan changed or lost since apply started them.")
public final class TransferStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    TransferFilesMixin files;
    @Mixin
    ProblemsMixin problems;
    @Mixin
    OutputMixin output;
    @Mixin
    DebugMixin debug;

    @Option(names = "--restore-plan",
            description = "First put the journal's copy of every started entry back into the plan file (the file as "
                    + "it was is kept as PLAN.edited), so that apply or rollback can finish them as they started.")
    boolean restorePlan;

    TransferStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path planFile = files.plan(context);
        if (restorePlan) {
            PlanRestore.Result restored = PlanRestore.restore(planFile);
            context.err().println(restored.restored() == 0 ? "The plan already holds every started entry as it started."
                    : "Restored " + Plural.of(restored.restored(), "started entry", "started entries") + " into " + planFile.getFileName()
                    + " from the journal" + restored.keptAs().map(p -> "; the previous file is kept as "
                    + p.getFileName()).orElse("") + ".");
        }
        TransferPlan plan = PlanFiles.read(planFile, context.err(), problems.all);
        Path journal = MigrationEngine.journalFor(planFile);
        List<EntryResult> results = MigrationEngine.status(plan, journal);
        output.print(ResultTable.table(), results);
        context.err().println("Status: " + ResultTable.summary(results));
        List<PlanProblem> changes = MigrationEngine.planChanges(plan, journal);
        if (!changes.isEmpty()) {
            context.err().println("warning: " + changes.size() + " started " + (changes.size() == 1 ? "entry was"
                    : "entries were") + " changed or removed in the plan after apply started them (" + changes.get(0)
                    + (changes.size() > 1 ? ", ..." : "") + "); apply refuses to run until "
                    + "'switchboard transfer status --restore-plan' puts them back");
        }
        context.err().flush();
        return ExitCode.OK;
    }
}
