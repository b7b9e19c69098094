package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.daily.Participant;
import dev.switchboard.daily.migration.Discovery;
import dev.switchboard.daily.migration.DomainMismatchException;
import dev.switchboard.daily.migration.EntryResult;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.FailurePolicy;
import dev.switchboard.daily.migration.InvalidPlanException;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.PlanEntry;
import dev.switchboard.daily.migration.RunReport;
import dev.switchboard.daily.migration.TransferPlan;
import dev.switchboard.core.plan.EntryOutcome;
import dev.switchboard.core.plan.Progress;
import dev.switchboard.core.plan.ProgressListener;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The apply workflow shared by {@code transfer apply} and {@code demo}: open the engine (journal lock,
 * domain checks), refuse a stale plan, warn about active calls, confirm, run with a progress line.
 */
final class ApplyRun {
    /** {@code --on-failure}. */
    enum OnFailure { PROMPT, ROLLBACK, LEAVE }

    record Settings(OnFailure onFailure, boolean allowActiveCalls, MigrationOptions options, boolean allProblems) {
        Settings(OnFailure onFailure, boolean allowActiveCalls, MigrationOptions options) {
            this(onFailure, allowActiveCalls, options, false);
        }
    }

    private ApplyRun() {
    }

    static RunReport run(CliContext context, MigrationClients clients, TransferPlan plan, Path planFile,
                         Settings settings, Prompter prompter, ProgressMixin progressLines) throws IOException {
        return run(context, clients, plan, planFile, settings, prompter, progressLines, null);
    }

    /**
     * @param planned the discovery {@code plan} was made from a moment ago in this process, or null: its read
     *                of both domains is the stale check's, so nothing is read twice
     */
    static RunReport run(CliContext context, MigrationClients clients, TransferPlan plan, Path planFile,
                         Settings settings, Prompter prompter, ProgressMixin progressLines, Discovery planned)
            throws IOException {
        PrintWriter err = context.err();
        Path journal = MigrationEngine.journalFor(planFile);
        try (MigrationEngine engine = planned == null
                ? MigrationEngine.open(plan, journal, clients, settings.options())
                : MigrationEngine.openAfterPlanning(plan, journal, clients, settings.options(), planned)) {
            List<EntryResult> before = engine.status();
            long finished = before.stream().filter(r -> r.status().isFinal()).count();
            long started = before.stream().filter(r -> r.status() != EntryStatus.PENDING && !r.status().isFinal()).count();
            err.println("Transfer from " + describe(engine.sourceDomain().name(), engine.sourceDomain().id()) + " to "
                    + describe(engine.targetDomain().name(), engine.targetDomain().id()) + ": "
                    + Plural.of(plan.entries().size(), "entry", "entries") + " (" + finished + " already finished, "
                    + started + " to resume)");
            try {
                engine.requireUnchangedPlan();
                engine.requireFresh();
            } catch (InvalidPlanException stale) {
                throw PlanFiles.failure(stale, settings.allProblems());
            }
            checkActiveCalls(engine.activeCalls(), settings.allowActiveCalls(), prompter, err);
            long remaining = plan.entries().size() - finished;
            if (remaining > 0) {
                prompter.require("Transfer " + Plural.of(remaining, "entry", "entries") + " to " + engine.targetDomain().name()
                        + "? Numbers move at once; their dial-in configs follow.");
            }
            if (remaining > 0) {
                err.println("Pace: " + rate(clients) + ", " + (engine.concurrency() == 1 ? "one entry at a time"
                        : engine.concurrency() + " entries at once"));
                err.flush();
            }
            try (ProgressLine line = progressLines.line("transfer", plan.entries().size())) {
                return engine.apply(policy(settings.onFailure(), prompter, context), progress(line, EntryStatus.MIGRATED));
            }
        } catch (DomainMismatchException mismatch) {
            throw CliException.precondition(mismatch.getMessage());
        }
    }

    /** Advances {@code line} as entries finish; an entry counts as failed unless it ended {@code wanted}. */
    static ProgressListener<PlanEntry, EntryResult> progress(ProgressLine line, EntryStatus wanted) {
        return new ProgressListener<>() {
            private long failedSoFar;

            @Override
            public void finished(EntryOutcome<PlanEntry, EntryResult> outcome, Progress counts) {
                boolean ok = outcome instanceof EntryOutcome.Succeeded<PlanEntry, EntryResult> succeeded
                        && succeeded.value().status() == wanted;
                failedSoFar += ok ? 0 : 1;
                line.update(counts.finished(), failedSoFar, counts.total());
            }
        };
    }

    private static String rate(MigrationClients clients) {
        double rate = Math.min(clients.source().rateBudget().sustainedRate(), clients.target().rateBudget().sustainedRate());
        return Double.isInfinite(rate) ? "no request limit per key"
                : "at most " + Math.round(rate) + " requests/s per key";
    }

    private static String describe(String name, String id) {
        return id == null ? name : name + " (" + id + ")";
    }

    private static void checkActiveCalls(Map<String, List<Participant>> rooms, boolean allowed, Prompter prompter,
                                         PrintWriter err) {
        int people = rooms.values().stream().mapToInt(List::size).sum();
        if (people == 0) {
            return;
        }
        err.println("warning: " + Plural.of(people, "participant") + " in " + Plural.of(rooms.size(), "room")
                + " on the source domain ("
                + String.join(", ", rooms.keySet()) + "). Transferring a number disconnects its active calls. "
                + "Presence can lag by up to 15 seconds; prefer a maintenance window.");
        err.flush();
        if (allowed) {
            return;
        }
        if (!prompter.canAsk() || prompter.assumeYes()) {
            throw CliException.precondition("calls are active on the source domain; nothing was changed "
                    + "(pass --allow-active-calls to transfer anyway; --yes alone does not drop calls)");
        }
        if (!prompter.confirm("Transfer anyway and disconnect active calls?")) {
            throw new CliException(ExitCode.DECLINED, "declined because of active calls; nothing was changed");
        }
    }

    /** Prompt on a terminal, roll back otherwise (unless told); prompts are serialised across workers. */
    private static FailurePolicy policy(OnFailure mode, Prompter prompter, CliContext context) {
        return switch (mode) {
            case ROLLBACK -> FailurePolicy.always(FailurePolicy.Decision.ROLLBACK);
            case LEAVE -> FailurePolicy.always(FailurePolicy.Decision.LEAVE);
            case PROMPT -> {
                if (!prompter.canAsk() || prompter.assumeYes()) {
                    yield FailurePolicy.always(FailurePolicy.Decision.ROLLBACK);
                }
                Object lock = new Object();
                yield (entry, step, error) -> {
                    synchronized (lock) {
                        context.err().println();
                        context.err().println(entry.key() + ": " + step + " failed: " + error);
                        context.err().flush();
                        return prompter.confirm("Roll " + entry.key() + " back (number and config return to the "
                                + "source)? No leaves it for a later apply or manual repair.")
                                ? FailurePolicy.Decision.ROLLBACK : FailurePolicy.Decision.LEAVE;
                    }
                };
            }
        };
    }

    /** 0 all migrated; 5 something can progress on a rerun; 1 otherwise. */
    static int exitCode(RunReport report, EntryStatus wanted) {
        if (report.resumable()) {
            return ExitCode.INCOMPLETE;
        }
        return report.results().stream().allMatch(r -> r.status() == wanted) ? ExitCode.OK : ExitCode.FAILED;
    }
}
