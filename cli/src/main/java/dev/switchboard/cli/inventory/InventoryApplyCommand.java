package dev.switchboard.cli.inventory;

import dev.switchboard.cli.signalwire.BulkRuns;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.JournalMixin;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.core.engine.EntryReport;
import dev.switchboard.core.engine.StepHook;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.inventory.DailyAction;
import dev.switchboard.signalwire.SignalWireClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code switchboard inventory apply}: runs a plan from {@code inventory plan}. Names what it destroys and asks
 * (unless {@code --yes}), journals every action, and resumes an interrupted run when run again.
 */
@Command(name = "apply",
        description = {"Run a plan written by 'inventory plan', journaled: run it again to resume after a failure.",
                "Names what it deletes or releases and asks first unless --yes."})
final class InventoryApplyCommand implements Callable<Integer> {
    @Mixin
    InventoryConnections connections;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    JournalMixin journalOption;
    @Mixin
    ProgressMixin progress;

    @Option(names = {"-f", "--plan"}, paramLabel = "PLAN", defaultValue = InventoryPlanFile.DEFAULT_NAME,
            description = "The plan to run (default: ${DEFAULT-VALUE}).")
    Path planPath;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "The secrets file (default: the one the plan names; the environment wins over it).")
    Path secrets;

    @Override
    public Integer call() {
        var context = connections.context();
        InventoryPlanFile plan = InventoryPlanFile.read(context.resolve(planPath.toString()));
        List<InventoryAction<?>> actions = plan.actions();
        if (actions.isEmpty()) {
            context.err().println("the plan has no actions: live matched the file when it was made");
            return ExitCode.OK;
        }
        Path secretsFile = secrets != null ? context.resolve(secrets.toString()) : Path.of(plan.secrets());
        if (secrets != null && !Files.exists(secretsFile)) {
            throw CliException.invalidInput("secrets file " + secretsFile + " does not exist");
        }
        SecretSource secretSource = InventorySecrets.source(context, secretsFile);
        confirm(actions);
        DailyClient daily = plan.daily().isEmpty() ? null : connections.daily();
        SignalWireClient signalwire = plan.signalwire().isEmpty() ? null : connections.signalwire();
        Path journalPath = journalOption.path(context);
        Journal journal = open(journalPath, plan);
        InventoryApplyRun.Outcome outcome;
        try (ProgressLine line = progress.line("applying", actions.size())) {
            AtomicInteger finished = new AtomicInteger();
            StepHook progressHook = (entry, step, boundary) -> {
                if (boundary == StepHook.Boundary.AFTER_DONE) {
                    InventoryAction<?> action = actions.get(Integer.parseInt(step));
                    line.update(finished.incrementAndGet(), 0);
                    line.detail(action.kind().sign() + " " + action.address());
                }
            };
            outcome = InventoryApplyRun.run(journal, plan, action -> action instanceof DailyAction ? daily : signalwire,
                    secretSource, progressHook);
        } finally {
            BulkRuns.close(journal);
        }
        var report = outcome.report();
        context.err().println(report.status().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + Plural.of(outcome.done(), "action") + " done of " + actions.size() + " (" + outcome.reconciled()
                + " found already applied when read); journal " + journalPath);
        if (outcome.complete()) {
            context.err().flush();
            return ExitCode.OK;
        }
        String failedAt = report.step() == null ? "" : actions.get(Integer.parseInt(report.step())).address() + ": ";
        String resume = "run 'switchboard inventory apply -f " + planPath + "' again to resume";
        if (report.status() == EntryReport.Status.UNKNOWN) {
            throw new CliException(ExitCode.INCOMPLETE, "outcome unknown at " + failedAt + report.detail() + "; look, then "
                    + resume + " (it reads before it retries)");
        }
        throw new CliException(ExitCode.FAILED, "failed at " + failedAt + report.detail() + "; fix it, then " + resume);
    }

    /** The journal; one a finished run of another plan left is archived, an unfinished one is refused. */
    private Journal open(Path path, InventoryPlanFile plan) {
        var context = connections.context();
        Journal journal = BulkRuns.open(path);
        Optional<Boolean> other = InventoryApplyRun.otherPlanFinished(journal, plan);
        if (other.isEmpty()) {
            return journal;
        }
        BulkRuns.close(journal);
        if (!other.get()) {
            throw CliException.precondition("journal " + path + " holds an unfinished run of another plan: finish it "
                    + "(apply that plan again) or pass --journal FILE for this one");
        }
        Path archived = JournalMixin.archive(path, context.clock());
        context.err().println("The journal " + path + " holds a finished earlier run; archived it as "
                + archived.getFileName());
        return BulkRuns.open(path);
    }

    private void confirm(List<InventoryAction<?>> actions) {
        var context = connections.context();
        List<InventoryAction<?>> destructive = actions.stream().filter(PlanPrinter::isDestructive).toList();
        if (destructive.isEmpty()) {
            new Prompter(context, confirm.yes()).require("Apply " + Plural.of(actions.size(), "action") + "?");
            return;
        }
        context.err().println("This plan deletes, replaces or releases:");
        destructive.forEach(a -> context.err().println("  " + a.kind().sign() + " " + a.address()
                + (a.releasesNumber() ? "   (releases the number; it usually cannot be bought back)" : "")));
        context.err().flush();
        new Prompter(context, confirm.yes()).require("Apply " + Plural.of(actions.size(), "action") + ", "
                + Plural.of(destructive.size(), "destructive one") + " among them?");
    }
}
