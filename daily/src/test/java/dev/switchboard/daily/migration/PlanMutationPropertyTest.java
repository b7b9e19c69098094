package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.io.InputFileException;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, part B: random edits of valid plans, in this tool's format and in the original utility's flat format,
 * run the way {@code transfer apply} runs them (read the file, open the engine, check it against both domains,
 * apply with rollback on failure). Every case must end in one of two ways: refused with no request that writes,
 * or applied with every {@link MigrationAudit} invariant holding, and in no case a config that exists on neither
 * domain. {@value #CASES_PER_SEED} cases per seed, {@value #SEEDS_PER_FORMAT} seeds per format; the seeds are
 * printed, and {@code -Dplan.mutation.seed=N} replaces the first seed of each format.
 *
 * <p>One emulator serves every case; its state is reloaded from a snapshot after every case that reached the
 * engine, and the invariants are checked against one baseline taken of that snapshot.
 */
class PlanMutationPropertyTest {
    static final int CASES_PER_SEED = 50;
    static final int SEEDS_PER_FORMAT = 5;

    enum Outcome { REFUSED_BY_READER, REFUSED_BY_LIVE_CHECK, APPLIED }

    private static MigrationFixture fixture;
    private static String initialState;
    private static MigrationAudit.Baseline baseline;
    private static boolean dirty;
    private static ObjectNode wrapper;
    private static ObjectNode flat;
    private static final Map<Outcome, Integer> TOTALS = new EnumMap<>(Outcome.class);

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        fixture = MigrationFixture.start();
        initialState = fixture.emulator.admin().dumpState();
        baseline = MigrationAudit.capture(fixture.source, fixture.target);
        wrapper = PlanCodec.toJson(fixture.planEverything());
        flat = PlanMutations.flat(wrapper);
    }

    @AfterAll
    static void stop() {
        System.out.println("plan mutations: " + TOTALS);
        fixture.close();
    }

    static Stream<Arguments> seeds() {
        long first = Long.getLong("plan.mutation.seed", 9_000L);
        List<Arguments> seeds = new ArrayList<>();
        for (String format : List.of("wrapper", "flat")) {
            for (int i = 0; i < SEEDS_PER_FORMAT; i++) {
                seeds.add(Arguments.of(format, first + i));
            }
        }
        return seeds.stream();
    }

    @ParameterizedTest(name = "{0} format, seed {1}")
    @MethodSource("seeds")
    void everyMutatedPlanIsRefusedWithoutWritesOrAppliedSafely(String format, long seed) throws Exception {
        System.out.println("plan mutation seed " + seed + " (" + format + " format, " + CASES_PER_SEED + " cases)");
        Random random = new Random(seed);
        PlanMutations mutations = new PlanMutations(random);
        ObjectNode base = format.equals("flat") ? flat : wrapper;
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        long started = System.nanoTime();
        for (int i = 0; i < CASES_PER_SEED; i++) {
            PlanMutations.Mutated mutated = mutations.mutate(base);
            Path caseDir = Files.createDirectories(dir.resolve(format + "-" + seed + "-" + i));
            Outcome outcome = runCase(mutated, caseDir, "seed " + seed + " case " + i + " " + mutated.edits());
            outcomes.merge(outcome, 1, Integer::sum);
        }
        synchronized (TOTALS) {
            outcomes.forEach((outcome, count) -> TOTALS.merge(outcome, count, Integer::sum));
        }
        System.out.println("  " + outcomes + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private Outcome runCase(PlanMutations.Mutated mutated, Path caseDir, String description) throws Exception {
        if (dirty) {
            // Only a case that reached the engine can change anything; refused cases are checked to write nothing.
            fixture.emulator.admin().loadState(initialState);
            dirty = false;
        }
        fixture.emulator.admin().clearRequests();
        Path planFile = caseDir.resolve("transfer_plan.json");
        Files.write(planFile, mutated.bytes());
        TransferPlan plan;
        try {
            plan = PlanCodec.read(planFile);
        } catch (InvalidPlanException | InputFileException refused) {
            assertThat(writes()).as(description).isEmpty();
            return Outcome.REFUSED_BY_READER;
        }
        dirty = true;
        try (MigrationEngine engine = fixture.engine(plan, caseDir, fixture.options(caseDir).withConcurrency(2))) {
            try {
                engine.requireFresh();
            } catch (InvalidPlanException stale) {
                assertThat(writes()).as(description + ": refused as " + stale.getMessage()).isEmpty();
                return Outcome.REFUSED_BY_LIVE_CHECK;
            }
            RunReport report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none());
            assertThat(report.results()).as(description).allSatisfy(result ->
                    assertThat(result.status()).as(result.entry().key() + " " + result.message())
                            .isIn(EntryStatus.MIGRATED, EntryStatus.ROLLED_BACK, EntryStatus.FAILED));
        } catch (DomainMismatchException mismatch) {
            assertThat(writes()).as(description).isEmpty();
            return Outcome.REFUSED_BY_LIVE_CHECK;
        }
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).as(description).isEmpty();
        return Outcome.APPLIED;
    }

    private static List<RequestLogEntry> writes() {
        return fixture.emulator.admin().requests().stream().filter(e -> !e.method().equals("GET")).toList();
    }
}
