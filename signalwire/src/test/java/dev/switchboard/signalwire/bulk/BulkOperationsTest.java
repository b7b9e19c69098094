package dev.switchboard.signalwire.bulk;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.signalwire.FriendlyNumberUpdate;
import dev.switchboard.signalwire.NumberFilter;
import dev.switchboard.signalwire.NumberSearch;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.SignalWireClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Journaled bulk purchase and update: crashes, resumes and ambiguous outcomes never double-buy. */
class BulkOperationsTest {
    private static final long SEED = 20260106L;
    private static final String PROJECT = "5a1d3c52-0d4e-4c6b-9a55-2b7d2a1e0001";
    private static final Secret TOKEN = Secret.of("PT-bulk-token");

    /** What the crash hook throws: stands in for the process dying at that instant. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    @TempDir
    Path dir;
    Emulator emulator;
    SignalWireClient client;

    @BeforeEach
    void start() throws IOException {
        System.out.println("emulator seed " + SEED);
        emulator = Emulator.builder().seed(SEED).clock(Instant.parse("2026-01-01T00:00:00Z")).start();
        emulator.admin().signalwire().createProject(PROJECT, TOKEN.reveal());
        client = new SignalWireClient(emulator.signalwireSpaceUri(), PROJECT, TOKEN, SignalWireClientOptions.defaults()
                .withRetryPolicy(RetryPolicy.defaults().withInitialDelay(Duration.ofMillis(1)))
                .withRateBudgets(new RateBudgetRegistry(System::nanoTime, d -> Thread.sleep(d.toMillis()))));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void fiftyPurchasesResumedAfterACrashBetweenBeginAndDoneBuyEachNumberOnce() throws IOException {
        Path journalFile = dir.resolve("buy.journal");
        PurchasePlan plan = BulkPurchase.plan(client, NumberSearch.local().withAreacode("512"), 50, "Line {n}");
        AtomicInteger purchases = new AtomicInteger();
        ApplyHook crashAfterTwenty = (entry, step) -> {
            if (step.equals(BulkPurchase.PURCHASE) && purchases.incrementAndGet() == 20) {
                throw new SimulatedCrash("after purchase 20, before its DONE");
            }
        };
        try (Journal journal = Journal.open(journalFile)) {
            BulkPurchase first = new BulkPurchase(client, journal, 4, crashAfterTwenty, ProgressListener.none());
            first.recordPlan(plan);
            List<EntryResult> results = first.apply();
            assertThat(results).anySatisfy(r -> assertThat(r.detail()).contains("simulated crash"));
            assertThat(results).anySatisfy(r -> assertThat(r.outcome()).isEqualTo(EntryResult.Outcome.NOT_STARTED));
        }
        int ownedAfterCrash = emulator.admin().signalwire().numberCount(PROJECT);
        assertThat(ownedAfterCrash).isBetween(20, 23);

        List<EntryResult> resumed;
        try (Journal journal = Journal.open(journalFile)) {
            BulkPurchase second = new BulkPurchase(client, journal, 4, ApplyHook.NONE, ProgressListener.none());
            assertThat(second.journaledPlan()).contains(plan);
            resumed = second.apply();
        }
        assertThat(resumed).hasSize(50).allSatisfy(r -> assertThat(r.outcome().isComplete()).isTrue());
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(50);
        // The server logs a request just after answering it: wait for the last entry to land.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(emulator.admin().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/relay/rest/phone_numbers")).count())
                .isEqualTo(50));
        List<PhoneNumber> owned = client.phoneNumbers(NumberFilter.byName("Line "));
        assertThat(owned).hasSize(50);
        assertThat(owned).extracting(PhoneNumber::name).contains("Line 1", "Line 20", "Line 50");

        try (Journal journal = Journal.open(journalFile)) {
            List<EntryResult> again = new BulkPurchase(client, journal, 4, ApplyHook.NONE, ProgressListener.none()).apply();
            assertThat(again).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(EntryResult.Outcome.ALREADY_DONE));
        }
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(50);
    }

    @Test
    void aLostAnswerIsReconciledInTheSameRun() throws IOException {
        emulator.admin().addFault(FaultRule.times(1, "POST /api/relay/rest/phone_numbers", FaultKind.APPLIED_LOST_5XX)
                .withStatus(502));
        emulator.admin().addFault(FaultRule.times(1, "POST /api/relay/rest/phone_numbers", FaultKind.SERVER_ERROR));
        PurchasePlan plan = BulkPurchase.plan(client, NumberSearch.tollFree(), 3, null);
        List<EntryResult> results;
        try (Journal journal = Journal.open(dir.resolve("lost.journal"))) {
            BulkPurchase bulk = new BulkPurchase(client, journal, 1, ApplyHook.NONE, ProgressListener.none());
            bulk.recordPlan(plan);
            results = bulk.apply();
        }
        assertThat(results.get(0).outcome()).isEqualTo(EntryResult.Outcome.DONE);
        assertThat(results.get(0).detail()).contains("answer was lost");
        assertThat(results.get(1).outcome()).isEqualTo(EntryResult.Outcome.UNKNOWN);
        assertThat(results.get(2).outcome()).isEqualTo(EntryResult.Outcome.DONE);
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(2);

        try (Journal journal = Journal.open(dir.resolve("lost.journal"))) {
            List<EntryResult> resumed = new BulkPurchase(client, journal, 1, ApplyHook.NONE, ProgressListener.none()).apply();
            assertThat(resumed).allSatisfy(r -> assertThat(r.outcome().isComplete()).isTrue());
        }
        assertThat(emulator.admin().signalwire().numberCount(PROJECT)).isEqualTo(3);
        assertThat(client.phoneNumbers(NumberFilter.all())).allSatisfy(n -> assertThat(n.name()).isEqualTo(n.number()));
    }

    @Test
    void aJournalHoldsOnePlan() throws IOException {
        PurchasePlan plan = BulkPurchase.plan(client, NumberSearch.local().withAreacode("206"), 2, null);
        try (Journal journal = Journal.open(dir.resolve("one.journal"))) {
            BulkPurchase bulk = new BulkPurchase(client, journal, 1, ApplyHook.NONE, ProgressListener.none());
            bulk.recordPlan(plan);
            assertThatThrownBy(() -> bulk.recordPlan(plan)).hasMessageContaining("already holds a plan");
        }
        assertThatThrownBy(() -> BulkPurchase.plan(client, NumberSearch.local(), 101, null)).hasMessageContaining("1 to 100");
    }

    @Test
    void bulkUpdateChangesOnlyWhatDiffersAndResumesAfterACrash() throws IOException {
        for (int i = 0; i < 30; i++) {
            emulator.admin().signalwire().addNumber(PROJECT, String.format("+1555020%04d", i), Instant.parse("2025-01-01T00:00:00Z"));
        }
        var update = FriendlyNumberUpdate.none().withVoiceUrl("https://a.example.com/voice").toUpdate();
        String first = client.phoneNumbers(NumberFilter.byNumber("5550200000")).get(0).id();
        client.updateNumber(first, update);
        UpdatePlan plan = BulkUpdate.plan(client, NumberFilter.all(), update);
        assertThat(plan.updates()).hasSize(29);
        AtomicInteger done = new AtomicInteger();
        Path journalFile = dir.resolve("update.journal");
        try (Journal journal = Journal.open(journalFile)) {
            BulkUpdate bulk = new BulkUpdate(client, journal, 1, (entry, step) -> {
                if (done.incrementAndGet() == 10) {
                    throw new SimulatedCrash("after update 10");
                }
            }, ProgressListener.none());
            bulk.recordPlan(plan);
            bulk.apply();
        }
        emulator.admin().clearRequests();
        try (Journal journal = Journal.open(journalFile)) {
            List<EntryResult> resumed = new BulkUpdate(client, journal, 3, ApplyHook.NONE, ProgressListener.none()).apply();
            assertThat(resumed).allSatisfy(r -> assertThat(r.outcome().isComplete()).isTrue());
            assertThat(resumed).filteredOn(r -> r.outcome() == EntryResult.Outcome.ALREADY_DONE).hasSize(9);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(emulator.admin().requests()).filteredOn(r -> r.method().equals("PUT")).hasSize(20));
        assertThat(client.phoneNumbers(NumberFilter.all())).allSatisfy(n -> assertThat(update.isAppliedTo(n)).isTrue());
    }
    /** A journal written before bulk purchases ran on the engine (FAILED with "detail", UNKNOWN, BEGIN) resumes. */
    @Test
    void aJournalWrittenBeforeTheEngineResumesAsItSays() throws IOException {
        PurchasePlan plan = BulkPurchase.plan(client, NumberSearch.local().withAreacode("512"), 3, "Old {n}");
        String refused = plan.purchases().get(0).number();
        String boughtBeforeCrash = plan.purchases().get(1).number();
        String lost = plan.purchases().get(2).number();
        Path journalFile = dir.resolve("old.journal");
        var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        try (Journal journal = Journal.open(journalFile)) {
            journal.append("plan", "plan", Phase.DONE, plan.toJson());
            journal.append(refused, "purchase", Phase.BEGIN, data.objectNode().put("number", refused));
            journal.append(refused, "purchase", Phase.FAILED, data.objectNode().put("retryable", false)
                    .put("detail", "POST /api/relay/rest/phone_numbers -> 422"));
            journal.append(boughtBeforeCrash, "purchase", Phase.BEGIN, data.objectNode().put("number", boughtBeforeCrash));
            journal.append(lost, "purchase", Phase.BEGIN, data.objectNode().put("number", lost));
            journal.append(lost, "purchase", Phase.UNKNOWN, data.objectNode().put("detail", "timeout"));
        }
        client.purchaseNumber(boughtBeforeCrash);
        emulator.admin().clearRequests();

        List<EntryResult> resumed;
        try (Journal journal = Journal.open(journalFile)) {
            resumed = new BulkPurchase(client, journal, 1, ApplyHook.NONE, ProgressListener.none()).apply();
        }
        assertThat(resumed.get(0).outcome()).isEqualTo(EntryResult.Outcome.FAILED);
        assertThat(resumed.get(0).detail()).contains("422");
        assertThat(resumed.get(1).outcome()).isEqualTo(EntryResult.Outcome.DONE);
        assertThat(resumed.get(1).detail()).isEqualTo("bought by an earlier run");
        assertThat(resumed.get(2).outcome()).isEqualTo(EntryResult.Outcome.DONE);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(emulator.admin().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/relay/rest/phone_numbers")).count())
                .as("only the purchase that reading proved not done is sent").isEqualTo(1));
        assertThat(client.phoneNumbers(NumberFilter.all())).extracting(PhoneNumber::name)
                .containsExactlyInAnyOrder("Old 2", "Old 3");
    }
}
