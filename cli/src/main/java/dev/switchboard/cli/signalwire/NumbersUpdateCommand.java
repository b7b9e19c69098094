package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.JournalMixin;
import dev.switchboard.cli.support.OutputFormat;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.signalwire.NumberFilter;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.bulk.ApplyHook;
import dev.switchboard.signalwire.bulk.BulkUpdate;
import dev.switchboard.signalwire.bulk.PlannedUpdate;
import dev.switchboard.signalwire.bulk.UpdatePlan;
import dev.switchboard.cli.rehearsal.RehearseMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code signalwire numbers update}: one number, or many as a journaled plan. */
@Command(name = "update",
        description = {"Changes a number's name and where its calls and messages go, or many numbers' at once.",
                "A partial PUT: other fields keep their values. With --all or --filter-name/--filter-number, plans "
                        + "the change for every matching number (numbers already set are left out), shows the plan, "
                        + "and applies it journaled: run the same command again to resume. A finished journal is "
                        + "archived when the next update starts."})
public final class NumbersUpdateCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SignalWireConnection connection;
    @Mixin
    UpdateFlags flags;
    @Mixin
    OutputMixin output;
    @Mixin
    ProgressMixin progress;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    RehearseMixin rehearse;

    @Parameters(paramLabel = "NUMBER", arity = "0..1", description = "The number (E.164) or its id.")
    String number;

    @Option(names = "--all", description = "Every number of the project.")
    boolean all;

    @Option(names = "--filter-name", paramLabel = "TEXT", description = "Numbers whose name contains TEXT.")
    String filterName;

    @Option(names = "--filter-number", paramLabel = "DIGITS", description = "Numbers containing DIGITS.")
    String filterNumber;

    @Mixin
    JournalMixin journal;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Updates in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--dry-run", description = "Bulk: show the plan, change nothing.")
    boolean dryRun;

    public NumbersUpdateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean bulk = all || filterName != null || filterNumber != null;
        if ((number != null) == bulk) {
            throw CliException.invalidInput("give either a NUMBER or one of --all, --filter-name, --filter-number");
        }
        if (all && (filterName != null || filterNumber != null)) {
            throw CliException.invalidInput("--all cannot be combined with --filter-name or --filter-number");
        }
        if (!bulk) {
            output.check(Rows.numbers());
        }
        PhoneNumberUpdate update = flags.update();
        SignalWireClient client = connection.client();
        if (!bulk) {
            var target = NumberRefs.resolve(client, number);
            output.printOne(Rows.numbers(), client.updateNumber(target.id(), update));
            return ExitCode.OK;
        }
        return updateMany(client, update);
    }

    private int updateMany(SignalWireClient client, PhoneNumberUpdate update) {
        if (concurrency < 1 || concurrency > 16) {
            throw CliException.invalidInput("--concurrency must be 1 to 16");
        }
        NumberFilter filter = all ? NumberFilter.all() : new NumberFilter(filterName, filterNumber);
        Path journalPath = journal.path(context);
        if (dryRun && !Files.exists(journalPath)) {
            output.print(planTable(), BulkUpdate.plan(client, filter, update).updates());
            return ExitCode.OK;
        }
        if (!dryRun) {
            output.check(Rows.results());
        }
        Journal opened = BulkRuns.open(context, journalPath, dryRun ? j -> false : j -> {
            BulkUpdate earlier = new BulkUpdate(client, j, 1, ApplyHook.NONE, ProgressListener.none());
            return earlier.journalFinished() && earlier.journaledPlan().filter(p -> !p.wantedUpdate().equals(update))
                    .isPresent();
        });
        try {
            BulkUpdate bulk = new BulkUpdate(client, opened, concurrency, ApplyHook.NONE, ProgressListener.none());
            UpdatePlan plan = bulk.journaledPlan().orElse(null);
            if (plan != null && !plan.wantedUpdate().equals(update)) {
                if (!(dryRun && bulk.journalFinished())) {
                    throw CliException.precondition("journal " + journalPath + " holds a different update ("
                            + plan.wanted() + ") that has not finished; run that one to its end, or pass "
                            + "--journal NEW-FILE");
                }
                plan = null;
            }
            if (plan != null) {
                context.err().println("Resuming the update recorded in " + journalPath);
            } else {
                plan = BulkUpdate.plan(client, filter, update);
                if (dryRun || output.format() == OutputFormat.TABLE) {
                    output.print(planTable(), plan.updates());
                }
                if (dryRun) {
                    return ExitCode.OK;
                }
                if (plan.updates().isEmpty()) {
                    context.err().println("Every selected number already has these settings; nothing to do.");
                    return ExitCode.OK;
                }
                new Prompter(context, confirm.yes()).require("Update " + Plural.of(plan.updates().size(), "number") + "?");
                bulk.recordPlan(plan);
            }
            try (ProgressLine line = progress.line("updating", plan.updates().size())) {
                BulkUpdate withProgress = new BulkUpdate(client, opened, concurrency, ApplyHook.NONE, BulkRuns.progress(line));
                return BulkRuns.report(context, output, withProgress.apply(), journalPath, "updated");
            }
        } finally {
            BulkRuns.close(opened);
        }
    }

    /** JSON keeps the changes as an object; table and CSV show them as {@code field=value} pairs. */
    private Table<PlannedUpdate> planTable() {
        boolean json = output.format() == OutputFormat.JSON;
        return Table.of(PlannedUpdate.class).column("ID", "id", PlannedUpdate::numberId)
                .column("NUMBER", "number", PlannedUpdate::number)
                .column("CHANGES", "changes", p -> json ? p.changes() : p.changes().entrySet().stream()
                        .map(change -> change.getKey() + "=" + change.getValue()).collect(Collectors.joining(" ")));
    }
}
