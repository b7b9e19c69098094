package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.PagingProgress;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.daily.migration.Discovery;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.RunReport;
import dev.switchboard.daily.migration.TransferPlan;
import dev.switchboard.cli.rehearsal.RehearseMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code switchboard transfer apply}: carry out a plan (or make one first with --plan-now), journaled and resumable. */
@Command(name = "apply",
        description = {"Carry out transfer_plan.json: per entry, transfer the number, remove its source config "
                + "(legacy arrays included), create it on the target with the same hmac, check it. Journaled: "
                + "run it again after any interruption to finish the work.",
                "With --plan-now it first plans as 'transfer plan' does (same options, same files), shows the "
                + "summary, asks once (or --yes) and applies in the same process, reading each domain once."})
public final class TransferApplyCommand implements Callable<Integer> {
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
    PlanChoiceMixin choice;
    @Mixin
    DebugMixin debug;

    @Option(names = "--plan-now",
            description = "Plan first (writes transfer_plan.json and its side files, as 'transfer plan' with the "
                    + "same selection options), then apply it in the same run.")
    boolean planNow;
    @Mixin
    ProgressMixin progress;

    @Option(names = "--on-failure", paramLabel = "MODE", defaultValue = "prompt",
            description = "When an entry fails after its number moved: prompt (on a terminal; rollback otherwise), "
                    + "rollback, or leave (default: ${DEFAULT-VALUE}).")
    ApplyRun.OnFailure onFailure;

    @Option(names = "--details", description = "On the table, list every entry rather than a summary and the "
            + "entries that did not migrate.")
    boolean details;

    @Option(names = "--allow-active-calls",
            description = "Transfer even when the source domain has participants in calls (they are disconnected).")
    boolean allowActiveCalls;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Entries in flight at once (default: chosen from --max-rps and the latency seen while "
                    + "checking the plan: enough to keep each key's budget busy, between 4 and 32).")
    Integer concurrency;

    /** More entries in flight only lengthen the queues (see docs/migration.md, "Concurrency"). */
    static final int MAX_CONCURRENCY = 256;

    TransferApplyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
            throw CliException.invalidInput("--concurrency must be 1 to " + MAX_CONCURRENCY + ", not " + concurrency
                    + "; nothing was changed");
        }
        output.check(ResultTable.table());
        Path planFile = files.plan(context);
        if (!planNow && choice.given()) {
            throw CliException.invalidInput("--all, --numbers, --exclude, --include-sip-only and --room-creation-api "
                    + "choose what to plan: use them with --plan-now (or with 'transfer plan')");
        }
        Env env = context.settings();
        RetryPolicy policy = retry.policy(env);
        PagingProgress reading = planNow ? progress.paging("reading both domains") : null;
        MigrationClients clients = DailyConnection.clients(context, policy, rate.maxRequestsPerSecond(), debug, reading);
        Prompter prompter = new Prompter(context, confirm.yes());
        TransferPlan plan;
        Discovery planned = null;
        if (planNow) {
            PlanRun.Written written = PlanRun.run(context, clients, files.dir(context), planFile, choice.choice(),
                    prompter, context.err(), reading);
            context.err().println("Planned " + PlanRun.summary(written) + "; wrote " + planFile);
            context.err().flush();
            plan = written.plan();
            planned = written.discovery();
        } else {
            plan = PlanFiles.read(planFile, context.err(), problems.all);
        }
        MigrationOptions options = MigrationOptions.defaults()
                .withOutcomeFilesIn(files.dir(context))
                .withStepRetries(policy)
                .withEntryPause(retry.transferDelay(env))
                .withConcurrency(concurrency == null ? MigrationOptions.AUTO_CONCURRENCY : concurrency);
        RunReport report = ApplyRun.run(context, clients, plan, planFile,
                new ApplyRun.Settings(onFailure, allowActiveCalls, options, problems.all), prompter, progress, planned);
        ResultTable.print(context, output, report.results(), details, r -> r.status() == EntryStatus.MIGRATED);
        ResultTable.printSipUriNotes(context.err(), report.results());
        context.err().println("Result: " + ResultTable.summary(report.results())
                + report.stopReason().map(reason -> " (stopped: " + reason + ")").orElse("")
                + ". Files: transfer_success.json, transfer_failures.json in " + files.dir(context));
        context.err().flush();
        return ApplyRun.exitCode(report, EntryStatus.MIGRATED);
    }
}
