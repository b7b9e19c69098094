package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.OutputFormat;
import dev.switchboard.cli.support.OutputMixin;

import dev.switchboard.cli.support.Table;
import dev.switchboard.daily.migration.EntryResult;
import dev.switchboard.daily.migration.EntryStatus;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The per-entry table of apply, status and rollback (JSON keys: docs/output.md, "transfer apply"). */
final class ResultTable {
    private ResultTable() {
    }

    static Table<EntryResult> table() {
        return Table.of(EntryResult.class)
                .column("KEY", "key", EntryResult::key)
                .column("STATUS", "status", r -> r.status().wireName())
                .column("STEP", "step", EntryResult::step)
                .column("NEW ID", "new_phone_id", EntryResult::newPhoneId)
                .column("TARGET CONFIG", "target_config_id", EntryResult::targetConfigId)
                .column("TARGET SIP URI", "target_sip_uri", EntryResult::targetSipUri)
                .column("RESTORED ID", "restored_phone_id", EntryResult::restoredPhoneId)
                .column("EARLIER RUN", "earlier_run", EntryResult::fromEarlierRun)
                .column("MESSAGE", "message", EntryResult::message);
    }

    /**
     * What a run prints to stdout: every entry under {@code -o json|csv|tsv} or {@code --details}; on the
     * table, one summary line and only the entries that did not end {@code wanted}, so a 10,000-entry run
     * does not end in a 10,000-line, 230-column table.
     */
    static void print(CliContext context, OutputMixin output, List<EntryResult> results, boolean details,
                      Predicate<EntryResult> wanted) {
        if (details || output.format() != OutputFormat.TABLE || !output.rendering().fields().isEmpty()) {
            output.print(table(), results);
            return;
        }
        PrintWriter out = context.out();
        List<EntryResult> others = results.stream().filter(wanted.negate()).toList();
        out.println(results.size() + " " + (results.size() == 1 ? "entry" : "entries") + ": " + summary(results));
        if (!others.isEmpty()) {
            output.print(Table.of(EntryResult.class)
                    .column("KEY", "key", EntryResult::key)
                    .column("STATUS", "status", r -> r.status().wireName())
                    .column("STEP", "step", EntryResult::step)
                    .column("MESSAGE", "message", EntryResult::message), others);
        }
        out.println("(--details shows every entry)");
        out.flush();
    }

    /** One line such as {@code 40 migrated, 1 rolled-back}. */
    static String summary(List<EntryResult> results) {
        Map<EntryStatus, Long> counts = new EnumMap<>(EntryStatus.class);
        counts.putAll(results.stream().collect(Collectors.groupingBy(EntryResult::status, Collectors.counting())));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().wireName())
                .collect(Collectors.joining(", "));
    }

    /** SIP-only entries get a new SIP URI on the target: external trunks must be re-pointed. */
    static void printSipUriNotes(PrintWriter err, List<EntryResult> results) {
        results.stream().filter(r -> r.entry().isSipOnly() && r.status() == EntryStatus.MIGRATED && !r.fromEarlierRun())
                .forEach(r -> err.println("re-point SIP trunks: " + r.entry().config().sipUri() + " -> "
                        + r.targetSipUri()));
        err.flush();
    }
}
