package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.daily.migration.EntryResult;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.TransferPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard transfer status}: every entry's state from the journal, without contacting Daily. */
@Command(name = "status",
        description = "Show every plan entry's state from the journal (no network, no credentials needed).")
public final class TransferStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    TransferFilesMixin files;
    @Mixin
    OutputMixin output;
    @Mixin
    DebugMixin debug;

    TransferStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path planFile = files.plan(context);
        TransferPlan plan = PlanFiles.read(planFile, context.err());
        List<EntryResult> results = MigrationEngine.status(plan, MigrationEngine.journalFor(planFile));
        ResultTable.table().print(context.out(), output.format(), results);
        context.err().println("Status: " + ResultTable.summary(results));
        context.err().flush();
        return ExitCode.OK;
    }
}
