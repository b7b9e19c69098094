package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.MigrationAudit;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.PlanVerifier;
import dev.switchboard.daily.migration.RunReport;
import dev.switchboard.emulator.Emulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code switchboard demo}: the main job end to end on the embedded emulator, with no credentials and no
 * prompts. The emulator's rate limits are off and the clients have no rate budget, so it runs at full
 * speed (a real run is paced at Daily's 20 requests per second).
 */
@Command(name = DemoCommand.NAME,
        description = DemoCommand.SUMMARY)
public final class DemoCommand implements Callable<Integer> {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "demo";
    public static final String SUMMARY =
            "Run plan -> apply -> verify on the embedded emulator: a source domain of dozens of numbers "
            + "with every kind of dial-in config, and an empty target. No credentials needed; files go to a "
            + "fresh temporary directory.";

    private final CliContext context;
    @picocli.CommandLine.Mixin
    ProgressMixin progress;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Write the demo's files here (must be empty or absent) instead of a new temporary directory.")
    String dir;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        Path workDir = directory();
        Instant started = Instant.now();
        try (Emulator emulator = Emulator.builder().seed(2026).clock(Instant.parse("2026-03-01T12:00:00Z"))
                .disableRateLimits().stateJson(DemoScenario.state()).start()) {
            MigrationClients clients = clients(emulator);
            out.println("Switchboard demo: an emulated Daily at " + emulator.dailyBaseUri() + " (no credentials).");
            out.println("Source has " + DemoScenario.numberCount() + " numbers; the target is empty. Files go to "
                    + workDir);
            out.println();
            out.println("1/3 plan");
            MigrationAudit.Baseline baseline = MigrationAudit.capture(clients.source(), clients.target());
            Prompter yes = new Prompter(context, true);
            PlanRun.Written written = PlanRun.run(context, clients, workDir, workDir.resolve(TransferFilesMixin.PLAN_FILE),
                    new PlanRun.Choice(true, List.of(), List.of(), true, DemoScenario.NEW_WEBHOOK), yes, out);
            out.println("  " + written.plan().entries().size() + " entries planned ("
                    + written.discovery().sipOnly().size() + " SIP-only; 'dailybots' webhook replaced by "
                    + DemoScenario.NEW_WEBHOOK + "); " + written.discovery().orphans().size() + " orphaned config and "
                    + written.discovery().callerIds().size() + " verified caller ID set aside");
            out.println();
            out.println("2/3 apply");
            out.flush();
            MigrationOptions options = MigrationOptions.defaults().withOutcomeFilesIn(workDir);
            RunReport report = ApplyRun.run(context, clients, written.plan(), written.planFile(),
                    new ApplyRun.Settings(ApplyRun.OnFailure.ROLLBACK, false, options), yes, progress);
            out.println("  " + ResultTable.summary(report.results()));
            ResultTable.printSipUriNotes(out, report.results());
            out.println();
            out.println("3/3 verify");
            List<PlanVerifier.Row> rows = PlanVerifier.verify(written.plan(), clients.source(), clients.target());
            long mismatches = rows.stream().filter(row -> !row.ok()).count();
            List<String> violations = new java.util.ArrayList<>(MigrationAudit.check(baseline, clients.source(), clients.target()));
            long transfers = emulator.admin().requests().stream().filter(r -> r.method().equals("POST")
                    && r.path().startsWith("/v1/transfer-phone-number/") && r.status() == 200).count();
            if (transfers != DemoScenario.numberCount()) {
                violations.add(transfers + " transfers for " + DemoScenario.numberCount() + " numbers");
            }
            rows.stream().filter(row -> !row.ok())
                    .forEach(row -> out.println("  MISMATCH " + row.key() + ": " + String.join("; ", row.problems())));
            violations.forEach(violation -> out.println("  INVARIANT BROKEN " + violation));
            out.println("  " + (rows.size() - mismatches) + "/" + rows.size() + " entries verified on the target, "
                    + "nothing left on the source; every hmac kept; " + transfers + " transfers for " + DemoScenario.numberCount() + " numbers");
            out.println();
            boolean ok = mismatches == 0 && violations.isEmpty() && report.allIn(EntryStatus.MIGRATED);
            out.printf("Demo %s in %.1f s. Plan, journal and results: %s%n", ok ? "finished" : "FAILED",
                    (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0, workDir);
            out.println("Run it for real: set DAILY_SOURCE_API_KEY and DAILY_TARGET_API_KEY, then "
                    + "'switchboard transfer plan', 'transfer apply', 'transfer verify'.");
            out.flush();
            return ok ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    private Path directory() throws java.io.IOException {
        if (dir == null) {
            return Files.createTempDirectory("switchboard-demo-");
        }
        Path chosen = context.resolve(dir);
        if (Files.isDirectory(chosen)) {
            try (var entries = Files.list(chosen)) {
                if (entries.findAny().isPresent()) {
                    throw dev.switchboard.cli.support.CliException.invalidInput(chosen + " is not empty; the demo "
                            + "never overwrites files");
                }
            }
        }
        return Files.createDirectories(chosen);
    }

    /** Clients for the emulated domains, without a client-side rate budget (the emulator's limits are off). */
    private static MigrationClients clients(Emulator emulator) {
        RateBudgetRegistry budgets = new RateBudgetRegistry(Ticker.system(), Sleeper.system());
        Secret source = Secret.of(DemoScenario.SOURCE_KEY);
        Secret target = Secret.of(DemoScenario.TARGET_KEY);
        budgets.budgetFor("daily", source.fingerprint(), RateLimits.unlimited());
        budgets.budgetFor("daily", target.fingerprint(), RateLimits.unlimited());
        DailyClientOptions options = DailyClientOptions.defaults().withRateBudgets(budgets)
                .withRetryPolicy(RetryPolicy.defaults());
        return new MigrationClients(new DailyClient(emulator.dailyBaseUri(), source, options), source,
                new DailyClient(emulator.dailyBaseUri(), target, options), target);
    }
}
