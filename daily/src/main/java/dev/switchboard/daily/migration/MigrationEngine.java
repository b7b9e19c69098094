package dev.switchboard.daily.migration;

import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalException;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.plan.EntryOutcome;
import dev.switchboard.core.plan.EntryScheduler;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.core.plan.RunResult;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.Participant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies, rolls back and reports on one {@link TransferPlan} against two live domains, with a durable
 * journal next to the plan. Opening locks the journal (a second apply of the same plan, in this process
 * or another, is refused) and checks that the keys' domains are distinct and are the plan's domains.
 *
 * <p>Typical use: {@link #open}, {@link #requireFresh()} (nothing changed yet), {@link #activeCalls()},
 * then {@link #apply}; {@link #close()} releases the journal. Entries run on an {@link EntryScheduler}
 * with {@link #concurrency()} workers; every shared part (journal, clients, legacy array editor, outcome
 * files) is thread-safe, and nothing is global. Requests that finish an entry already started go before
 * the first request of a new entry ({@link dev.switchboard.core.http.RequestPriority}), so a number is
 * without routing only briefly even when the keys' budgets are the bottleneck.
 */
public final class MigrationEngine implements AutoCloseable {
    /** The presence read {@link #requireFresh()} started, for {@link #activeCalls()}. */
    private final AtomicReference<CompletableFuture<Map<String, List<Participant>>>> presenceAhead =
            new AtomicReference<>();
    private final TransferPlan plan;
    private final MigrationClients clients;
    private final MigrationOptions options;
    private final Journal journal;
    private final MigrationSession session;
    private final EntryRunner runner;
    /** A read of both domains the next stale check may use instead of reading again (null: none). */
    private final AtomicReference<InventoryReads.Both> unusedRead;
    /** Whether the next stale check may use the domains {@link #open} read instead of asking again. */
    private final AtomicBoolean openReadUnused = new AtomicBoolean(true);
    private final SourceObserver observer;

    private MigrationEngine(TransferPlan plan, MigrationClients clients, MigrationOptions options, Journal journal,
                            MigrationSession session, InventoryReads.Both fresh) {
        this.plan = plan;
        this.unusedRead = new AtomicReference<>(fresh);
        this.clients = clients;
        this.options = options;
        this.journal = journal;
        this.session = session;
        StepRunner steps = new StepRunner(journal, options.stepListener(), options.stepRetries(), options.sleeper());
        this.observer = new SourceObserver(clients.source());
        this.runner = new EntryRunner(steps, session, options.clock(), plan, observer);
    }

    /** The journal file that belongs to a plan file: {@code transfer_plan.json} → {@code transfer_plan.journal}. */
    public static Path journalFor(Path planFile) {
        String name = planFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return planFile.resolveSibling(base + ".journal");
    }

    /**
     * Reads both domains ({@code GET /}, at once) and opens (locks) the journal.
     *
     * @throws DomainMismatchException when the keys share a domain, or the plan names other domains
     * @throws dev.switchboard.core.journal.JournalLockedException when another apply holds the journal
     */
    public static MigrationEngine open(TransferPlan plan, Path journalFile, MigrationClients clients,
                                       MigrationOptions options) throws IOException {
        Objects.requireNonNull(plan, "plan");
        List<Domain> domains = InventoryReads.inParallel(clients.source()::domain, clients.target()::domain);
        return open(plan, journalFile, clients, options, domains.get(0), domains.get(1), null);
    }

    /**
     * Opens the journal of a plan made a moment ago in this process from {@code discovery}: both domains as
     * planning read them serve as the stale check's read ({@link #requireFresh()} then sends no request).
     */
    public static MigrationEngine openAfterPlanning(TransferPlan plan, Path journalFile, MigrationClients clients,
                                                    MigrationOptions options, Discovery discovery) throws IOException {
        Objects.requireNonNull(plan, "plan");
        return open(plan, journalFile, clients, options, discovery.source().domain(), discovery.target().domain(),
                new InventoryReads.Both(discovery.source(), discovery.target()));
    }

    private static MigrationEngine open(TransferPlan plan, Path journalFile, MigrationClients clients,
                                        MigrationOptions options, Domain source, Domain target,
                                        InventoryReads.Both fresh) throws IOException {
        if (DomainRef.of(source).matches(target)) {
            throw new DomainMismatchException("the source and target keys both belong to domain "
                    + DomainRef.of(source) + "; nothing was changed");
        }
        requireSame("source", plan.source(), source, "DAILY_SOURCE_API_KEY");
        requireSame("target", plan.target(), target, "DAILY_TARGET_API_KEY");
        Journal journal = Journal.open(journalFile, options.clock());
        MigrationSession session = new MigrationSession(clients, source, target, new LegacyArrays());
        return new MigrationEngine(plan, clients, options, journal, session, fresh);
    }

    private static void requireSame(String role, DomainRef planned, Domain actual, String variable) {
        if (planned != null && !planned.matches(actual)) {
            throw new DomainMismatchException("the plan's " + role + " domain is " + planned + " but " + variable
                    + " belongs to " + DomainRef.of(actual) + "; nothing was changed");
        }
    }

    public Domain sourceDomain() {
        return session.sourceDomain();
    }

    public Domain targetDomain() {
        return session.targetDomain();
    }

    public Path journalPath() {
        return journal.path();
    }

    /**
     * Every entry's state from the journal file alone, without contacting Daily; all pending when there
     * is no journal yet (none is created).
     *
     * @throws dev.switchboard.core.journal.JournalLockedException while an apply holds the journal
     */
    public static List<EntryResult> status(TransferPlan plan, Path journalFile) throws IOException {
        return status(plan, readView(journalFile));
    }

    /** Every entry's state from the journal alone (no network). */
    public List<EntryResult> status() {
        return status(plan, journal.view());
    }

    /**
     * The plan's entries, then started entries the plan no longer has; an entry the plan changed after it
     * started is shown as the journal has it, with the change as its message.
     */
    private static List<EntryResult> status(TransferPlan plan, JournalView view) {
        Map<String, String> changes = new java.util.HashMap<>();
        PlanChanges.problems(plan, view).forEach(problem -> changes.put(problem.entry(), problem.message()));
        List<EntryResult> results = new ArrayList<>();
        for (PlanEntry entry : PlanChanges.forRollback(plan, view)) {
            EntryResult result = EntrySteps.fromJournal(entry, view);
            String change = changes.get(entry.key());
            results.add(change == null ? result : new EntryResult(result.entry(), result.status(), result.step(),
                    change + (result.message() == null ? "" : "; " + result.message()), result.newPhoneId(),
                    result.targetConfigId(), result.targetSipUri(), result.restoredPhoneId(), result.fromEarlierRun(),
                    result.at()));
        }
        return results;
    }

    /**
     * Started entries the plan changed or lost since they started (empty: the plan may be applied). Reads
     * the journal only.
     */
    public List<PlanProblem> planChanges() {
        return PlanChanges.problems(plan, journal.view());
    }

    /** @throws InvalidPlanException (stale: exit 3) naming every started entry the plan changed or lost; reads no network */
    public void requireUnchangedPlan() {
        PlanChanges.requireUnchanged(plan, journal.view());
    }

    /** {@link #planChanges()} for a journal file, without opening an engine; empty when there is no journal. */
    public static List<PlanProblem> planChanges(TransferPlan plan, Path journalFile) throws IOException {
        return PlanChanges.problems(plan, readView(journalFile));
    }

    /**
     * The journal's view (empty when there is no journal; none is created).
     *
     * @throws dev.switchboard.core.journal.JournalLockedException while an apply holds the journal
     */
    public static JournalView readView(Path journalFile) throws IOException {
        if (!java.nio.file.Files.exists(journalFile)) {
            return JournalView.of(List.of());
        }
        try (Journal journal = Journal.open(journalFile)) {
            return journal.view();
        }
    }

    /**
     * Live mismatches between the plan and both domains, for entries not started yet (reads only: one fresh
     * read of each domain, its listings in parallel, reusing the {@code GET /} of {@link #open} or the
     * planning read of {@link #openAfterPlanning}).
     */
    public List<PlanProblem> staleProblems() {
        InventoryReads.Both fresh = unusedRead.getAndSet(null);
        if (fresh == null) {
            boolean reuse = openReadUnused.getAndSet(false);
            fresh = InventoryReads.both(clients.source(), reuse ? session.sourceDomain() : null, clients.target(),
                    reuse ? session.targetDomain() : null);
        }
        openReadUnused.set(false);
        observer.offer(fresh.source());
        return StaleCheck.problems(plan, fresh.source(), fresh.target(), journal.view());
    }

    /**
     * Also asks for the source's presence beside the stale check, for {@link #activeCalls()}: the answer is
     * there by the time it is needed, instead of one more round trip after the check.
     *
     * @throws InvalidPlanException (stale) listing every mismatch; nothing has been changed
     */
    public void requireFresh() {
        presenceAhead.set(CompletableFuture.supplyAsync(() -> clients.source().presence(), runnable -> {
            Thread reader = new Thread(runnable, "switchboard-presence");
            reader.setDaemon(true);
            reader.start();
        }));
        List<PlanProblem> problems = staleProblems();
        if (!problems.isEmpty()) {
            throw new InvalidPlanException("the plan no longer matches the domains (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "); nothing was changed", problems, true);
        }
    }

    /** Who is in a call on the source right now (Daily's presence may lag by up to 15 seconds). */
    public Map<String, List<Participant>> activeCalls() {
        CompletableFuture<Map<String, List<Participant>>> ahead = presenceAhead.getAndSet(null);
        if (ahead == null) {
            return clients.source().presence();
        }
        try {
            return ahead.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /**
     * Entries in flight at once: {@link MigrationOptions#concurrency()}, or with {@link
     * MigrationOptions#AUTO_CONCURRENCY} what {@link ApplyConcurrency} suggests from the keys' budgets now
     * (after {@link #requireFresh()} it has seen the latency of the listings).
     */
    public int concurrency() {
        return options.concurrency() != MigrationOptions.AUTO_CONCURRENCY ? options.concurrency()
                : ApplyConcurrency.suggest(clients);
    }

    /**
     * Runs every entry of the plan that is not finished, resuming from the journal. Each entry's start
     * record (the plan entry and the backup of its source configs) is durable before its first request.
     *
     * @throws InvalidPlanException (stale) before any request when the plan changed or lost an entry that
     *                              had started changing the domains ({@link #planChanges()})
     */
    public RunReport apply(FailurePolicy policy, ProgressListener<PlanEntry, EntryResult> progress) {
        Objects.requireNonNull(policy, "policy");
        PlanChanges.requireUnchanged(plan, journal.view());
        observer.newRun();
        List<PlanEntry> entries = plan.entryList();
        RunReport report = run(concurrency() > 1 ? startOrder(entries) : entries, progress,
                entry -> runner.apply(entry, policy));
        Map<String, Integer> position = new java.util.HashMap<>();
        entries.forEach(entry -> position.put(entry.key(), position.size()));
        List<EntryResult> inPlanOrder = new ArrayList<>(report.results());
        inPlanOrder.sort(java.util.Comparator.comparingInt(r -> position.getOrDefault(r.entry().key(), Integer.MAX_VALUE)));
        return new RunReport(inPlanOrder, report.stopReason());
    }

    /**
     * The order entries start in when several run at once: those that rewrite the source's legacy arrays
     * first, so they are in flight together and their removals make one batch ({@link LegacyArrays}); the
     * others in plan order.
     */
    static List<PlanEntry> startOrder(List<PlanEntry> entries) {
        List<PlanEntry> ordered = new ArrayList<>(entries.stream().filter(PlanEntry::touchesLegacyArrays).toList());
        entries.stream().filter(entry -> !entry.touchesLegacyArrays()).forEach(ordered::add);
        return ordered;
    }

    /**
     * Rolls back the given entries (by key; all when empty), continuing any rollback in progress. Started
     * entries are rolled back as the journal has them, also when the plan changed or lost them since, and
     * their configs are restored from the journal's backups.
     */
    public RunReport rollback(Collection<String> keys, ProgressListener<PlanEntry, EntryResult> progress) {
        Set<String> wanted = Set.copyOf(keys);
        List<PlanEntry> entries = new ArrayList<>();
        for (PlanEntry entry : PlanChanges.forRollback(plan, journal.view())) {
            if (wanted.isEmpty() || wanted.contains(entry.key())) {
                entries.add(entry);
            }
        }
        for (String key : wanted) {
            if (entries.stream().noneMatch(entry -> entry.key().equals(key))) {
                plan.entry(key);
            }
        }
        return run(entries, progress, entry -> runner.rollback(entry, "requested with 'transfer rollback'"));
    }

    private interface Work {
        EntryResult run(PlanEntry entry) throws InterruptedException;
    }

    private RunReport run(List<PlanEntry> entries, ProgressListener<PlanEntry, EntryResult> progress, Work work) {
        OutcomeLog log = new OutcomeLog(options.successFile(), options.failureFile());
        JournalView before = journal.view();
        plan.entryList().stream().map(entry -> EntrySteps.fromJournal(entry, before))
                .filter(r -> r.status() == EntryStatus.MIGRATED).forEach(r -> log.remember(r.earlier()));
        AtomicBoolean first = new AtomicBoolean(true);
        EntryScheduler<PlanEntry, EntryResult> scheduler = new EntryScheduler<>(concurrency(), progress,
                failure -> failure instanceof AuthenticationException || failure instanceof JournalException);
        RunResult<PlanEntry, EntryResult> result = scheduler.run(entries, entry -> {
            if (!first.getAndSet(false) && !options.entryPause().isZero()) {
                options.sleeper().sleep(options.entryPause());
            }
            EntryResult outcome = work.run(entry);
            if (!outcome.fromEarlierRun() || outcome.status() == EntryStatus.MIGRATED) {
                log.record(outcome);
            }
            return outcome;
        });
        log.flush();
        return report(result);
    }

    private RunReport report(RunResult<PlanEntry, EntryResult> result) {
        JournalView after = journal.view();
        List<EntryResult> results = new ArrayList<>();
        RuntimeException toThrow = null;
        for (EntryOutcome<PlanEntry, EntryResult> outcome : result.outcomes()) {
            if (outcome instanceof EntryOutcome.Succeeded<PlanEntry, EntryResult> succeeded) {
                results.add(succeeded.value());
            } else if (outcome instanceof EntryOutcome.Failed<PlanEntry, EntryResult> failed) {
                if (failed.error() instanceof Error error) {
                    throw error;
                }
                if (toThrow == null && (failed.error() instanceof AuthenticationException
                        || failed.error() instanceof JournalException)) {
                    toThrow = (RuntimeException) failed.error();
                }
                EntryResult state = EntrySteps.fromJournal(failed.entry(), after);
                results.add(new EntryResult(state.entry(), state.status(), state.step(),
                        String.valueOf(failed.error().getMessage()), state.newPhoneId(), state.targetConfigId(),
                        state.targetSipUri(), state.restoredPhoneId(), false, options.clock().instant()));
            } else {
                results.add(EntrySteps.fromJournal(outcome.entry(), after));
            }
        }
        if (toThrow != null) {
            throw toThrow;
        }
        return new RunReport(results, result.stopReason());
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
