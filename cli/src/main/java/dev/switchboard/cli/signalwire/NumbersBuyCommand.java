package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.JournalMixin;
import dev.switchboard.cli.support.OutputFormat;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.signalwire.NumberField;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.bulk.ApplyHook;
import dev.switchboard.signalwire.bulk.BulkPurchase;
import dev.switchboard.signalwire.bulk.PlannedPurchase;
import dev.switchboard.signalwire.bulk.PurchasePlan;
import dev.switchboard.cli.rehearsal.RehearseMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code signalwire numbers buy}: one number, or {@code --count N} as a journaled bulk purchase. */
@Command(name = "buy",
        description = {"Buys a number and names it, or --count N numbers as a journaled purchase.",
                "SignalWire leaves new numbers unnamed; this names them. With --count N, picks N numbers from a "
                        + "search and buys them as a journaled plan: the plan and every purchase are recorded before "
                        + "they are sent, and a purchase whose answer was lost is checked against the project's "
                        + "numbers before anything is sent again, so no number is ever bought twice. Run the same "
                        + "command again to resume an interrupted purchase: a finished journal buys nothing more, "
                        + "and is archived when a purchase of another size starts.",
                "Numbers cannot be released for 14 days after purchase."})
public final class NumbersBuyCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SignalWireConnection connection;
    @Mixin
    SearchFlags search;
    @Mixin
    OutputMixin output;
    @Mixin
    ProgressMixin progress;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    RehearseMixin rehearse;

    @Parameters(paramLabel = "NUMBER", arity = "0..1", description = "The number to buy (E.164), from 'numbers search'.")
    String number;

    @Option(names = "--count", paramLabel = "N", description = "Buy N numbers (1-100) matching the search flags.")
    Integer count;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name to give (with --count a template: {n} = position, {number}); default: the number itself.")
    String name;

    @Mixin
    JournalMixin journal;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Purchases in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--dry-run", description = "With --count: show the plan, buy nothing.")
    boolean dryRun;

    public NumbersBuyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if ((number == null) == (count == null)) {
            throw CliException.invalidInput("give either a NUMBER to buy or --count N");
        }
        SignalWireClient client = connection.client();
        return number != null ? buyOne(client) : buyMany(client);
    }

    private int buyOne(SignalWireClient client) {
        output.check(Rows.numbers());
        new Prompter(context, confirm.yes()).require("Buy " + number + "? It cannot be released for 14 days.");
        PhoneNumber bought = client.purchaseNumber(number);
        PhoneNumber named = client.updateNumber(bought.id(),
                PhoneNumberUpdate.empty().with(NumberField.NAME, name != null ? name : bought.number()));
        output.printOne(Rows.numbers(), named);
        return ExitCode.OK;
    }

    private int buyMany(SignalWireClient client) {
        if (concurrency < 1 || concurrency > 16) {
            throw CliException.invalidInput("--concurrency must be 1 to 16");
        }
        var searchTerms = search.search(count);
        Path journalPath = journal.path(context);
        if (dryRun && !Files.exists(journalPath)) {
            output.print(planTable(), plan(client, searchTerms).purchases());
            return ExitCode.OK;
        }
        if (!dryRun) {
            output.check(Rows.results());
        }
        Journal opened = BulkRuns.open(context, journalPath, dryRun ? j -> false : j -> {
            BulkPurchase earlier = new BulkPurchase(client, j, 1, ApplyHook.NONE, ProgressListener.none());
            return earlier.journalFinished() && earlier.journaledPlan().filter(p -> p.purchases().size() != count)
                    .isPresent();
        });
        try (ProgressLine line = progress.line("buying", count)) {
            BulkPurchase bulk = new BulkPurchase(client, opened, concurrency, ApplyHook.NONE, BulkRuns.progress(line));
            PurchasePlan plan = bulk.journaledPlan().orElse(null);
            if (plan != null && plan.purchases().size() != count) {
                if (!(dryRun && bulk.journalFinished())) {
                    throw CliException.precondition("journal " + journalPath + " holds an unfinished purchase of "
                            + Plural.of(plan.purchases().size(), "number") + ", not " + count + "; run that one to its "
                            + "end, or pass --journal NEW-FILE for a new purchase");
                }
                plan = null;
            }
            if (plan != null) {
                context.err().println("Resuming the purchase recorded in " + journalPath);
            } else {
                plan = plan(client, searchTerms);
                if (dryRun) {
                    output.print(planTable(), plan.purchases());
                    return ExitCode.OK;
                }
                if (output.format() == OutputFormat.TABLE) {
                    output.print(planTable(), plan.purchases());
                }
                new Prompter(context, confirm.yes()).require("Buy " + (count == 1 ? "this number" : "these " + count
                        + " numbers") + "? They cannot be released for 14 days.");
                bulk.recordPlan(plan);
            }
            if (dryRun) {
                output.print(planTable(), plan.purchases());
                return ExitCode.OK;
            }
            context.err().flush();
            return BulkRuns.report(context, output, bulk.apply(), journalPath, "bought");
        } finally {
            BulkRuns.close(opened);
        }
    }

    private PurchasePlan plan(SignalWireClient client, dev.switchboard.signalwire.NumberSearch terms) {
        try {
            return BulkPurchase.plan(client, terms, count, name);
        } catch (IllegalStateException tooFew) {
            throw CliException.precondition(tooFew.getMessage());
        } catch (IllegalArgumentException badCount) {
            throw CliException.invalidInput(badCount.getMessage());
        }
    }

    private static Table<PlannedPurchase> planTable() {
        return Table.of(PlannedPurchase.class).column("NUMBER", "number", PlannedPurchase::number)
                .column("NAME", "name", PlannedPurchase::name);
    }
}
