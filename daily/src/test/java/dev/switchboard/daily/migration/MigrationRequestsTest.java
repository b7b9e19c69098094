package dev.switchboard.daily.migration;

import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.DialinType;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import static dev.switchboard.daily.migration.MigrationFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Which requests a migration sends: only the necessary writes, and reads shared between entries. */
class MigrationRequestsTest {
    @TempDir
    Path dir;

    private final MigrationFixture fixture = MigrationFixture.start();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void applySendsTheNecessaryWritesAndOnlySharedReads() throws Exception {
        TransferPlan plan = fixture.planEverything();
        fixture.emulator.admin().clearRequests();
        RunReport report;
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            engine.requireFresh();
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }
        assertThat(report.allIn(EntryStatus.MIGRATED)).isTrue();
        long withConfig = plan.entryList().stream().filter(PlanEntry::hasConfig).count();
        List<RequestLogEntry> log = logOnce(l -> count(l, "POST", "/v1/domain-dialin-config") == withConfig);
        List<String> reads = log.stream().filter(e -> e.method().equals("GET")).map(RequestLogEntry::path).toList();
        long legacyRewrites = count(log, "POST", "/v1/");

        assertThat(reads).as("no config is read back: the create's answer holds it")
                .noneMatch(path -> path.startsWith("/v1/domain-dialin-config/"));
        assertThat(reads.stream().filter("/v1/purchased-phone-numbers"::equals)).as("one numbers list per domain")
                .hasSize(2);
        assertThat(reads.stream().filter("/v1/domain-dialin-config"::equals)).as("one configs list per domain")
                .hasSize(2);
        assertThat(reads.stream().filter("/v1/"::equals)).as("GET / at open (one per domain) and one per rewrite")
                .hasSize(2 + (int) legacyRewrites);
        long numbers = plan.entryList().stream().filter(e -> !e.isSipOnly()).count();
        long modern = plan.entryList().stream().filter(e -> e.srcType() == SourceKind.DOMAIN_DIALIN_CONFIG).count();
        assertThat(log.stream().filter(e -> e.path().startsWith("/v1/transfer-phone-number/"))).hasSize((int) numbers);
        assertThat(count(log, "POST", "/v1/domain-dialin-config")).isEqualTo(withConfig);
        assertThat(log.stream().filter(e -> e.method().equals("DELETE"))).hasSize((int) modern);
        assertThat(legacyRewrites).isBetween(1L, 4L);
    }

    @Test
    void legacyRemovalsWaitingBehindARewriteShareOneReadAndOneRewrite() throws Exception {
        LegacyArrays legacy = new LegacyArrays();
        List<Predicate<PlannedConfig>> removals = List.of(
                c -> LEGACY_PINLESS.equals(c.phoneNumber()), c -> LEGACY_PIN.equals(c.phoneNumber()),
                c -> SHADOWED.equals(c.phoneNumber()),
                c -> c.phoneNumber() == null && c.type() == DialinType.PINLESS_DIALIN);
        List<List<PlannedConfig>> observed = new ArrayList<>();
        fixture.emulator.admin().clearRequests();
        ReentrantLock lock = legacy.editLock("source");
        ExecutorService pool = Executors.newFixedThreadPool(removals.size());
        List<Future<Integer>> removed = new ArrayList<>();
        lock.lock();
        try {
            for (Predicate<PlannedConfig> match : removals) {
                removed.add(pool.submit(() -> legacy.remove(fixture.source, "source", match, found -> {
                    synchronized (observed) {
                        observed.add(found);
                    }
                })));
            }
            while (legacy.waiting("source") < removals.size()) {
                Thread.onSpinWait();
            }
        } finally {
            lock.unlock();
        }
        for (Future<Integer> each : removed) {
            assertThat(each.get()).isEqualTo(1);
        }
        pool.shutdown();

        List<RequestLogEntry> log = logOnce(l -> l.size() >= 2);
        assertThat(log).extracting(RequestLogEntry::method, RequestLogEntry::path)
                .containsExactly(org.assertj.core.api.Assertions.tuple("GET", "/v1/"),
                        org.assertj.core.api.Assertions.tuple("POST", "/v1/"));
        assertThat(observed).hasSize(4).allSatisfy(found -> assertThat(found).singleElement()
                .satisfies(config -> assertThat(config.hmac() != null || config.type() == DialinType.PIN_DIALIN)
                        .isTrue()));
        List<PlannedConfig> left = LegacyArrays.configs(fixture.source.domain());
        assertThat(left).extracting(PlannedConfig::phoneNumber).containsExactly(ORPHAN);
        assertThat(left.get(0).hmac()).isNotNull();
    }

    @Test
    void announcedRemovalsArrivingOneAfterAnotherShareOneReadAndOneRewrite() throws Exception {
        LegacyArrays legacy = new LegacyArrays(java.time.Duration.ofSeconds(30));
        List<Predicate<PlannedConfig>> removals = List.of(
                c -> LEGACY_PINLESS.equals(c.phoneNumber()), c -> LEGACY_PIN.equals(c.phoneNumber()),
                c -> SHADOWED.equals(c.phoneNumber()));
        List<LegacyArrays.Ticket> tickets = removals.stream().map(match -> legacy.expect("source")).toList();
        fixture.emulator.admin().clearRequests();
        ExecutorService pool = Executors.newFixedThreadPool(removals.size());
        List<Future<Integer>> removed = new ArrayList<>();
        for (int i = 0; i < removals.size(); i++) {
            int member = i;
            removed.add(pool.submit(() -> legacy.remove(fixture.source, "source", removals.get(member), found -> {
            }, tickets.get(member))));
            while (legacy.waiting("source") < i + 1) {
                Thread.onSpinWait();
            }
            assertThat(fixture.emulator.admin().requests()).as("the first removal waits for the announced ones")
                    .isEmpty();
        }
        for (Future<Integer> each : removed) {
            assertThat(each.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        }
        pool.shutdown();
        tickets.forEach(LegacyArrays.Ticket::close);

        List<RequestLogEntry> log = logOnce(l -> l.size() >= 2);
        assertThat(log).extracting(RequestLogEntry::method, RequestLogEntry::path)
                .containsExactly(org.assertj.core.api.Assertions.tuple("GET", "/v1/"),
                        org.assertj.core.api.Assertions.tuple("POST", "/v1/"));
    }

    @Test
    void aRemovalAnnouncedButNeverAskedForStopsHoldingTheBatchWhenItsTicketCloses() throws Exception {
        LegacyArrays legacy = new LegacyArrays(java.time.Duration.ofMinutes(5));
        LegacyArrays.Ticket asking = legacy.expect("source");
        LegacyArrays.Ticket withdrawn = legacy.expect("source");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> removed = pool.submit(() -> legacy.remove(fixture.source, "source",
                c -> LEGACY_PINLESS.equals(c.phoneNumber()), found -> {
                }, asking));
        while (legacy.waiting("source") < 1) {
            Thread.onSpinWait();
        }
        assertThat(removed).isNotDone();

        withdrawn.close();

        assertThat(removed.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        asking.close();
        pool.shutdown();
        assertThat(LegacyArrays.configs(fixture.source.domain())).extracting(PlannedConfig::phoneNumber)
                .doesNotContain(LEGACY_PINLESS);
    }

    @Test
    void entriesThatRewriteTheLegacyArraysStartFirstAndTheReportKeepsPlanOrder() throws Exception {
        TransferPlan plan = fixture.planEverything();
        List<PlanEntry> order = MigrationEngine.startOrder(plan.entryList());
        long legacy = plan.entryList().stream().filter(PlanEntry::touchesLegacyArrays).count();
        assertThat(legacy).isPositive();
        assertThat(order).containsExactlyInAnyOrderElementsOf(plan.entryList());
        assertThat(order.subList(0, (int) legacy)).allMatch(PlanEntry::touchesLegacyArrays);
        RunReport report;
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir).withConcurrency(4))) {
            engine.requireFresh();
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }
        assertThat(report.allIn(EntryStatus.MIGRATED)).as(report.toString()).isTrue();
        assertThat(report.results()).extracting(r -> r.entry().key())
                .containsExactlyElementsOf(plan.entryList().stream().map(PlanEntry::key).toList());
    }

    /** The request log once {@code complete} holds (the emulator logs a request just after answering it). */
    private List<RequestLogEntry> logOnce(Predicate<List<RequestLogEntry>> complete) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<RequestLogEntry> log = fixture.emulator.admin().requests();
        while (!complete.test(log) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            log = fixture.emulator.admin().requests();
        }
        return log;
    }

    private static long count(List<RequestLogEntry> log, String method, String path) {
        return log.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).count();
    }
}
