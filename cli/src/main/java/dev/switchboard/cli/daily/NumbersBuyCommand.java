package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.JournalMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.phone.E164;
import dev.switchboard.daily.BoughtNumber;
import dev.switchboard.daily.BulkPurchase;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.PurchaseOrder;
import dev.switchboard.daily.PurchaseReport;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.cli.rehearsal.RehearseMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code switchboard daily numbers buy}: one given number, or {@code --count N} / {@code --areacode} as a
 * journaled bulk purchase that never buys more than asked, even after a crash or an ambiguous failure (see
 * {@link BulkPurchase} for the reconciliation rule). Run the same command again to resume.
 */
@Command(name = "buy",
        description = {"Buy one number, or --count N (optionally in --areacode) as a journaled bulk purchase.",
                "A bulk purchase records every attempt in --journal before sending it; if it is interrupted or an "
                        + "answer is lost, run the same command again: attempts with an unknown outcome are settled "
                        + "by listing the domain's numbers, so nothing is bought twice."})
final class NumbersBuyCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    RehearseMixin rehearse;

    @Parameters(arity = "0..1", paramLabel = "NUMBER", description = "The E.164 number to buy (see 'numbers search').")
    String number;
    @Option(names = "--count", paramLabel = "N", description = "How many numbers to buy (bulk; default 1).")
    Integer count;
    @Option(names = "--areacode", paramLabel = "AAA", description = "Buy in this US area code (bulk).")
    String areacode;
    @Mixin
    JournalMixin journal;
    @Mixin
    ProgressMixin progress;

    @Override
    public Integer call() {
        if (number != null && (count != null || areacode != null)) {
            throw CliException.invalidInput("give either a NUMBER or --count/--areacode, not both");
        }
        if (count != null && (count < 1 || count > PurchaseOrder.MAX_COUNT)) {
            throw CliException.invalidInput("--count must be 1 to " + PurchaseOrder.MAX_COUNT + ", not " + count
                    + "; nothing was bought");
        }
        output.check(purchasesTable());
        DailyClient client = daily.client();
        return number != null ? buyOne(client, E164.parse(number).value()) : buyMany(client);
    }

    private int buyOne(DailyClient client, String wanted) {
        new Prompter(daily.context(), confirm.yes()).require("Buy " + wanted + " on Daily (a paid number)?");
        BoughtNumber bought;
        boolean reconciled = false;
        try {
            bought = client.buyNumber(Optional.of(wanted));
        } catch (UnknownOutcomeException unknown) {
            daily.context().err().println("the purchase's outcome is unknown; checking whether " + wanted + " is owned now");
            bought = client.purchasedNumbers(PurchasedNumberFilter.byNumber(wanted)).stream()
                    .filter(n -> wanted.equals(n.number()) && n.hasId() && !n.isDeleted()).findFirst()
                    .map(n -> new BoughtNumber(n.id(), n.number()))
                    .orElseThrow(() -> CliException.failed(wanted + " was not bought (the domain does not own it); "
                            + "it is safe to try again"));
            reconciled = true;
        }
        print(List.of(new PurchaseReport.Purchase("single", bought.id(), bought.number(), reconciled)));
        return ExitCode.OK;
    }

    private int buyMany(DailyClient client) {
        PurchaseOrder order = new PurchaseOrder(count == null ? 1 : count, areacode);
        Path file = journal.path(daily.context());
        archiveIfFinishedAndOther(file, order);
        new Prompter(daily.context(), confirm.yes()).require("Buy " + Plural.of(order.count(), "paid number")
                + (areacode == null ? "" : " in area code " + areacode) + " on Daily (journal " + file + ")?");
        PurchaseReport report;
        try (Journal opened = Journal.open(file, daily.context().clock());
             ProgressLine line = progress.line("buying", order.count())) {
            BulkPurchase purchase = new BulkPurchase(client, opened, line::note, null)
                    .withCounts((bought, notApplied) -> line.update(bought, notApplied));
            report = purchase.run(order);
        } catch (BulkPurchase.OrderMismatchException mismatch) {
            throw CliException.precondition(mismatch.getMessage());
        } catch (BulkPurchase.ReconciliationConflictException conflict) {
            throw CliException.failed(conflict.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": " + e.getMessage(), e);
        }
        print(report.purchases());
        daily.context().err().println("bought " + report.purchases().size() + " of " + order.count()
                + (report.attemptsNotApplied() > 0 ? "; " + Plural.of(report.attemptsNotApplied(), "attempt") + " bought nothing" : "")
                + (report.complete() ? "" : "; stopped: " + report.stopReason()));
        daily.context().err().flush();
        return report.complete() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** A complete earlier order of another size or area code is archived; an unfinished one stays (and is refused). */
    private void archiveIfFinishedAndOther(Path file, PurchaseOrder order) {
        if (!Files.exists(file)) {
            return;
        }
        boolean archive;
        try (Journal opened = Journal.open(file, daily.context().clock())) {
            archive = BulkPurchase.finished(opened) && BulkPurchase.recordedOrder(opened).filter(order::equals).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": " + e.getMessage(), e);
        }
        if (archive) {
            Path archived = JournalMixin.archive(file, daily.context().clock());
            daily.context().err().println("The journal " + file + " holds a complete earlier order; archived it as "
                    + archived.getFileName());
        }
    }

    private void print(List<PurchaseReport.Purchase> purchases) {
        output.print(purchasesTable(), purchases);
    }

    private static Table<PurchaseReport.Purchase> purchasesTable() {
        return Table.of(PurchaseReport.Purchase.class)
                .column("ATTEMPT", "attempt", PurchaseReport.Purchase::attempt)
                .column("ID", "id", PurchaseReport.Purchase::id)
                .column("NUMBER", "number", PurchaseReport.Purchase::number)
                .column("RECONCILED", "reconciled", PurchaseReport.Purchase::reconciled);
    }
}
