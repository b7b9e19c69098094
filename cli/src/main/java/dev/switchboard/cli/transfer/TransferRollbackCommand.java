package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.phone.E164;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.migration.DomainMismatchException;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.PlanChanges;
import dev.switchboard.daily.migration.RunReport;
import dev.switchboard.daily.migration.TransferPlan;
import picocli.CommandLine.Command;
import dev.switchboard.cli.rehearsal.RehearseMixin;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code switchboard transfer rollback}: undo entries of a plan, completed or not. */
@Command(name = "rollback",
        description = "Undo plan entries: delete the target config, transfer the number back with the target key, "
                + "restore the source config with its hmac (legacy entries back into the legacy arrays). Journaled "
                + "like apply; also finishes a rollback that failed or was interrupted.")
public final class TransferRollbackCommand implements Callable<Integer> {
    private static final Set<EntryStatus> SETTLED = Set.of(EntryStatus.ROLLED_BACK, EntryStatus.PENDING,
            EntryStatus.FAILED);

    private final CliContext context;

    @Mixin
    TransferFilesMixin files;
    @Mixin
    ProblemsMixin problems;
    @Mixin
    RateMixin rate;
    @Mixin
    RetryMixin retry;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    RehearseMixin rehearse;
    @Mixin
    OutputMixin output;
    @Mixin
    DebugMixin debug;
    @Mixin
    ProgressMixin progress;

    @Option(names = "--details", description = "On the table, list every entry rather than a summary and the "
            + "entries that did not end rolled back.")
    boolean details;

    @Option(names = "--all", description = "Roll back every entry of the plan that changed anything.")
    boolean all;

    @Option(names = "--numbers", split = ",", paramLabel = "KEY",
            description = "Roll back these entries (numbers, or the sip_uri key of a SIP-only entry).")
    List<String> keys = new ArrayList<>();

    TransferRollbackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (all == !keys.isEmpty()) {
            throw CliException.invalidInput("say what to roll back: --all or --numbers (not both)");
        }
        output.check(ResultTable.table());
        Path planFile = files.plan(context);
        Path journal = MigrationEngine.journalFor(planFile);
        TransferPlan plan = readPlanOrJournal(planFile, journal);
        Set<String> journaled = MigrationEngine.readView(journal).entries();
        List<String> wanted = new ArrayList<>();
        for (String key : keys) {
            String normalised = E164.tryParse(key).map(E164::value).orElse(key);
            if (!plan.entries().containsKey(normalised) && !journaled.contains(normalised)) {
                throw CliException.invalidInput(key + " is not an entry of " + planFile.getFileName());
            }
            wanted.add(normalised);
        }
        Env env = context.settings();
        RetryPolicy policy = retry.policy(env);
        MigrationClients clients = DailyConnection.clients(context, policy, rate.maxRequestsPerSecond(), debug);
        MigrationOptions options = MigrationOptions.defaults().withOutcomeFilesIn(files.dir(context))
                .withStepRetries(policy);
        RunReport report;
        try (MigrationEngine engine = MigrationEngine.open(plan, journal, clients, options)) {
            new Prompter(context, confirm.yes()).require("Roll back " + (all ? "every entry"
                    : Plural.of(wanted.size(), "entry", "entries"))
                    + " of " + planFile.getFileName() + " to " + engine.sourceDomain().name()
                    + "? Numbers move back at once, disconnecting their calls.");
            int total = all ? plan.entries().size() : wanted.size();
            try (ProgressLine line = progress.line("rollback", total)) {
                report = engine.rollback(wanted, ApplyRun.progress(line, EntryStatus.ROLLED_BACK));
            }
        } catch (DomainMismatchException mismatch) {
            throw CliException.precondition(mismatch.getMessage());
        }
        ResultTable.print(context, output, report.results(), details, r -> SETTLED.contains(r.status()));
        context.err().println("Rollback: " + ResultTable.summary(report.results()));
        context.err().flush();
        if (report.stopReason().isPresent()) {
            return ExitCode.INCOMPLETE;
        }
        return report.results().stream().allMatch(r -> SETTLED.contains(r.status())) ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * The plan; when its file is gone but the journal has started entries, a plan of those (rollback restores
     * from the journal's backups, so it needs no more).
     */
    private TransferPlan readPlanOrJournal(Path planFile, Path journal) throws java.io.IOException {
        if (!java.nio.file.Files.exists(planFile) && java.nio.file.Files.exists(journal)) {
            java.util.Optional<TransferPlan> started = PlanChanges.fromJournal(MigrationEngine.readView(journal));
            if (started.isPresent()) {
                context.err().println("note: " + planFile.getFileName() + " is missing; rolling back the "
                        + started.get().entries().size() + " started entries its journal holds");
                return started.get();
            }
        }
        return PlanFiles.read(planFile, context.err(), problems.all);
    }
}
