package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.PagingProgress;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.PlanVerifier;
import dev.switchboard.daily.migration.TransferPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard transfer verify}: read both domains and check every planned entry. */
@Command(name = "verify",
        description = "Check every planned entry: the number is on the target with a config equal to the plan "
                + "(apart from sip_uri), and gone from the source with no config left, legacy arrays included. "
                + "Exits 1 on any mismatch. Read-only.")
public final class TransferVerifyCommand implements Callable<Integer> {
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
    OutputMixin output;
    @Mixin
    DebugMixin debug;
    @Mixin
    ProgressMixin progress;

    TransferVerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        TransferPlan plan = PlanFiles.read(files.plan(context), context.err(), problems.all);
        RetryPolicy policy = retry.policy(context.settings());
        List<PlanVerifier.Row> rows;
        try (PagingProgress reading = progress.paging("reading both domains")) {
            MigrationClients clients = DailyConnection.clients(context, policy, rate.maxRequestsPerSecond(), debug, reading);
            rows = PlanVerifier.verify(plan, clients.source(), clients.target());
        }
        print(context, output, rows);
        return rows.stream().allMatch(PlanVerifier.Row::ok) ? ExitCode.OK : ExitCode.FAILED;
    }

    static void print(CliContext context, OutputMixin output, List<PlanVerifier.Row> rows) {
        output.print(Table.of(PlanVerifier.Row.class)
                .column("KEY", "key", PlanVerifier.Row::key)
                .column("OK", "ok", PlanVerifier.Row::ok)
                .column("TARGET CONFIG", "target_config_id", PlanVerifier.Row::targetConfigId)
                .column("TARGET SIP URI", "target_sip_uri", PlanVerifier.Row::targetSipUri)
                .column("PROBLEMS", "problems", r -> output.format() == dev.switchboard.cli.support.OutputFormat.JSON
                        ? r.problems() : String.join("; ", r.problems())), rows);
        long bad = rows.stream().filter(r -> !r.ok()).count();
        context.err().println(bad == 0 ? "Verified: " + (rows.size() == 1 ? "the entry matches" : "all " + rows.size()
                + " entries match") + " the plan." : "Verify: " + bad + " of " + Plural.of(rows.size(), "entry", "entries")
                + (bad == 1 ? " does" : " do") + " not match the plan.");
        context.err().flush();
    }
}
