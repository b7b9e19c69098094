package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputFormat;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.phone.E164;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.daily.ReleaseLockedException;
import dev.switchboard.cli.rehearsal.RehearseMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code switchboard daily numbers release}: releases numbers the way Daily's delete utility does: it lists what
 * will be released (id, number, country, provider, creation date), skips numbers already released, asks twice
 * unless {@code --yes}, reports the 14-day lock per number and prints a summary.
 */
@Command(name = "release",
        description = {"Release numbers (by id or E.164), or every number with --all. Asks twice unless --yes.",
                "Daily refuses to release a number within 14 days of purchase; those are reported with the date "
                        + "they can be released. Releasing also deletes the number's dial-in config."})
final class NumbersReleaseCommand implements Callable<Integer> {
    static final Duration RELEASE_LOCK = Duration.ofDays(14);

    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;
    @Mixin
    ProgressMixin progress;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    RehearseMixin rehearse;

    @Parameters(arity = "0..*", paramLabel = "ID|NUMBER", description = "Numbers to release.")
    List<String> targets = new ArrayList<>();
    @Option(names = "--all", description = "Release every number of the domain.")
    boolean all;

    /** One number's outcome: released, locked (with the date it can be released), already-released or failed. */
    record Outcome(String id, String number, String status, Instant releasableAfter, String error) {
    }

    @Override
    public Integer call() {
        if (all == !targets.isEmpty()) {
            throw CliException.invalidInput("name the numbers to release, or pass --all (not both)");
        }
        output.check(outcomesTable());
        DailyClient client = daily.client();
        List<PurchasedNumber> owned = client.purchasedNumbers(PurchasedNumberFilter.all());
        PrintWriter err = daily.context().err();
        List<Outcome> outcomes = new ArrayList<>();
        List<PurchasedNumber> chosen = choose(owned, err, outcomes);
        if (chosen.isEmpty()) {
            err.println("nothing to release");
            print(outcomes);
            return ExitCode.OK;
        }
        err.println(chosen.size() == 1 ? "This number will be released:"
                : "These " + chosen.size() + " numbers will be released:");
        Table.of(PurchasedNumber.class)
                .column("ID", "id", PurchasedNumber::id)
                .column("NUMBER", "number", PurchasedNumber::number)
                .column("COUNTRY", "country", PurchasedNumber::country)
                .column("PROVIDER", "provider", PurchasedNumber::provider)
                .column("CREATED", "created_date", PurchasedNumber::createdDate)
                .print(err, OutputFormat.TABLE, chosen);
        Prompter prompter = new Prompter(daily.context(), confirm.yes());
        String what = Plural.of(chosen.size(), "number");
        prompter.require("Release " + what + "? Dial-in configs are deleted too, and a released number usually cannot "
                + "be bought back.");
        prompter.require("Are you sure? This cannot be undone. Release " + what + "?");
        try (ProgressLine line = progress.line("releasing", chosen.size())) {
            int done = 0;
            for (PurchasedNumber number : chosen) {
                outcomes.add(release(client, number));
                done++;
                line.update(done, outcomes.stream().filter(o -> !o.status().endsWith("released")).count());
            }
        }
        print(outcomes);
        long released = count(outcomes, "released") + count(outcomes, "already-released");
        err.println("released " + released + ", locked " + count(outcomes, "locked") + ", failed "
                + count(outcomes, "failed") + " (of " + outcomes.size() + ")");
        err.flush();
        return released == outcomes.size() ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * The numbers to release; those already released go to {@code skipped} as {@code already-released}. A number
     * the domain's listing does not show at all was released earlier (Daily drops released numbers from it), or
     * was never bought here: either way there is nothing to release, and running a release twice is not an error.
     */
    private List<PurchasedNumber> choose(List<PurchasedNumber> owned, PrintWriter err, List<Outcome> skipped) {
        if (all) {
            owned.stream().filter(PurchasedNumber::isDeleted).forEach(n -> skip(n.id(), n.number(), err, skipped));
            return owned.stream().filter(n -> n.hasId() && !n.isDeleted()).toList();
        }
        Set<PurchasedNumber> chosen = new LinkedHashSet<>();
        for (String given : targets) {
            String target = given.strip().startsWith("+") ? E164.parse(given).value() : given.strip();
            PurchasedNumber match = owned.stream()
                    .filter(n -> target.equals(n.id()) || target.equals(n.number())).findFirst().orElse(null);
            if (match == null) {
                skip(target.startsWith("+") ? null : target, target.startsWith("+") ? target : null, err, skipped);
            } else if (match.isDeleted()) {
                skip(match.id(), match.number(), err, skipped);
            } else if (!match.hasId()) {
                err.println("skipping " + match.number() + ": a verified caller id, not a purchased number");
            } else {
                chosen.add(match);
            }
        }
        return List.copyOf(chosen);
    }

    private static void skip(String id, String number, PrintWriter err, List<Outcome> skipped) {
        err.println("skipping " + (number != null ? number : id) + ": already released (not among the domain's numbers)");
        skipped.add(new Outcome(id, number, "already-released", null, null));
    }

    private Outcome release(DailyClient client, PurchasedNumber number) {
        try {
            client.releaseNumber(number.id());
            return new Outcome(number.id(), number.number(), "released", null, null);
        } catch (ReleaseLockedException locked) {
            Instant after = number.createdDate() == null ? null : number.createdDate().plus(RELEASE_LOCK);
            return new Outcome(number.id(), number.number(), "locked", after,
                    "bought less than 14 days ago" + (after == null ? "" : "; releasable after " + after));
        } catch (NotFoundException gone) {
            return gone.afterAmbiguousAttempt()
                    ? new Outcome(number.id(), number.number(), "already-released", null, null)
                    : new Outcome(number.id(), number.number(), "failed", null, gone.getMessage());
        } catch (AuthenticationException rejected) {
            throw rejected;
        } catch (ApiException failed) {
            return new Outcome(number.id(), number.number(), "failed", null, failed.getMessage());
        }
    }

    private void print(List<Outcome> outcomes) {
        output.print(outcomesTable(), outcomes);
    }

    private static Table<Outcome> outcomesTable() {
        return Table.of(Outcome.class)
                .column("ID", "id", Outcome::id)
                .column("NUMBER", "number", Outcome::number)
                .column("STATUS", "status", Outcome::status)
                .column("RELEASABLE AFTER", "releasable_after", Outcome::releasableAfter)
                .column("ERROR", "error", Outcome::error);
    }

    private static long count(List<Outcome> outcomes, String status) {
        return outcomes.stream().filter(o -> o.status().equals(status)).count();
    }
}
