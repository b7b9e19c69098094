package dev.switchboard.daily;

import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkPurchaseTest extends EmulatedOpsDomain {
    @TempDir
    Path dir;

    /** Stands in for the process dying between Daily's answer and the journal's DONE record. */
    static final class Crash extends RuntimeException {
    }

    private List<PurchasedNumber> owned() {
        return client.purchasedNumbers(PurchasedNumberFilter.all()).stream().filter(PurchasedNumber::hasId).toList();
    }

    @Test
    void aCrashAfterAPurchaseIsReconciledOnResumeWithoutBuyingTwice() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550100");
        Path file = dir.resolve("buy.journal");
        PurchaseOrder order = new PurchaseOrder(3, "415");
        try (Journal journal = Journal.open(file)) {
            BulkPurchase crashing = new BulkPurchase(client, journal, null, (attempt, bought) -> {
                if (attempt.equals("buy-0002")) {
                    throw new Crash();
                }
            });
            assertThatThrownBy(() -> crashing.run(order)).isInstanceOf(Crash.class);
            assertThat(journal.view().phase("buy-0002", BulkPurchase.BUY)).contains(Phase.BEGIN);
        }
        assertThat(owned()).hasSize(3);

        List<String> log = new ArrayList<>();
        PurchaseReport report;
        try (Journal journal = Journal.open(file)) {
            report = new BulkPurchase(client, journal, log::add, null).run(order);
        }
        assertThat(report.complete()).isTrue();
        assertThat(report.purchases()).hasSize(3).extracting(PurchaseReport.Purchase::reconciled)
                .containsExactly(false, true, false);
        assertThat(owned()).hasSize(4);
        assertThat(log).anyMatch(line -> line.startsWith("reconciled buy-0002: it bought +1415"));

        try (Journal journal = Journal.open(file)) {
            PurchaseReport again = new BulkPurchase(client, journal, null, null).run(order);
            assertThat(again.purchases()).hasSize(3);
        }
        assertThat(owned()).as("a finished order buys nothing more").hasSize(4);
    }

    @Test
    void aLostAnswerIsSettledByReadingTheDomainsNumbers() throws Exception {
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/buy-phone-number", FaultKind.APPLIED_LOST_5XX));
        try (Journal journal = Journal.open(dir.resolve("lost.journal"))) {
            PurchaseReport report = new BulkPurchase(client, journal, null, null).run(new PurchaseOrder(2, null));
            assertThat(report.complete()).isTrue();
            assertThat(report.attemptsNotApplied()).isZero();
            assertThat(report.purchases().get(0).reconciled()).isTrue();
            assertThat(journal.view().phase("buy-0001", BulkPurchase.BUY)).contains(Phase.DONE);
        }
        assertThat(owned()).hasSize(2);
    }

    @Test
    void aFailureThatBoughtNothingIsRetriedAsANewAttempt() throws Exception {
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/buy-phone-number", FaultKind.SERVER_ERROR));
        try (Journal journal = Journal.open(dir.resolve("5xx.journal"))) {
            PurchaseReport report = new BulkPurchase(client, journal, null, null).run(new PurchaseOrder(2, "212"));
            assertThat(report.complete()).isTrue();
            assertThat(report.attemptsNotApplied()).isEqualTo(1);
            assertThat(journal.view().phase("buy-0001", BulkPurchase.BUY)).contains(Phase.FAILED);
            assertThat(report.purchases()).extracting(PurchaseReport.Purchase::attempt)
                    .containsExactly("buy-0002", "buy-0003");
        }
        assertThat(owned()).hasSize(2).allMatch(n -> n.number().startsWith("+1212"));
    }

    @Test
    void numbersBoughtBySomeoneElseDuringAnUnknownOutcomeStopTheOrder() throws Exception {
        Path file = dir.resolve("conflict.journal");
        try (Journal journal = Journal.open(file)) {
            BulkPurchase crashing = new BulkPurchase(client, journal, null, (attempt, bought) -> {
                throw new Crash();
            });
            assertThatThrownBy(() -> crashing.run(new PurchaseOrder(2, null))).isInstanceOf(Crash.class);
        }
        emulator.admin().daily().addNumber("ops", "+13125550100");
        try (Journal journal = Journal.open(file)) {
            assertThatThrownBy(() -> new BulkPurchase(client, journal, null, null).run(new PurchaseOrder(2, null)))
                    .isInstanceOf(BulkPurchase.ReconciliationConflictException.class)
                    .hasMessageContaining("+13125550100");
            assertThat(journal.view().phase("buy-0001", BulkPurchase.BUY)).contains(Phase.BEGIN);
        }
        assertThat(owned()).hasSize(2);
    }

    @Test
    void aJournalKeepsItsOrder() throws Exception {
        Path file = dir.resolve("order.journal");
        try (Journal journal = Journal.open(file)) {
            new BulkPurchase(client, journal, null, null).run(new PurchaseOrder(1, null));
        }
        try (Journal journal = Journal.open(file)) {
            assertThatThrownBy(() -> new BulkPurchase(client, journal, null, null).run(new PurchaseOrder(2, null)))
                    .isInstanceOf(BulkPurchase.OrderMismatchException.class);
        }
    }
    /** A journal written before the engine, with an UNKNOWN purchase, resumes by reading the numbers first. */
    @Test
    void aJournalWrittenBeforeTheEngineResumesByReadingFirst() throws Exception {
        Path file = dir.resolve("old.journal");
        var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        try (Journal journal = Journal.open(file)) {
            var order = data.objectNode().put("count", 2);
            order.putArray("baseline_ids");
            journal.append("order", "baseline", Phase.DONE, order);
            journal.append("buy-0001", "buy", Phase.BEGIN, data.objectNode());
            journal.append("buy-0001", "buy", Phase.UNKNOWN, data.objectNode().put("reason", "POST -> 502"));
        }
        emulator.admin().daily().addNumber("ops", "+13125550199");
        List<String> log = new ArrayList<>();
        PurchaseReport report;
        try (Journal journal = Journal.open(file)) {
            report = new BulkPurchase(client, journal, log::add, null).run(new PurchaseOrder(2, null));
        }
        assertThat(report.complete()).isTrue();
        assertThat(report.purchases()).extracting(PurchaseReport.Purchase::attempt).containsExactly("buy-0001", "buy-0002");
        assertThat(report.purchases().get(0).number()).isEqualTo("+13125550199");
        assertThat(log).contains("reconciled buy-0001: it bought +13125550199 (" + report.purchases().get(0).id() + ")");
        assertThat(owned()).hasSize(2);
    }
}
