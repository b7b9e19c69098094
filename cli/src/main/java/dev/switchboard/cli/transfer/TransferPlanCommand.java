package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputFormat;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.PagingProgress;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.PlanEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code switchboard transfer plan}: read both domains and write a reviewable plan. Changes nothing on Daily. */
@Command(name = "plan",
        description = "Read both domains and write transfer_plan.json (owner-only; it holds hmac secrets), "
                + "orphaned_phone_configs.json and unverified_caller_ids.json. Changes nothing on Daily.")
public final class TransferPlanCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    TransferFilesMixin files;
    @Mixin
    RateMixin rate;
    @Mixin
    RetryMixin retry;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    OutputMixin output;
    @Mixin
    DebugMixin debug;

    @Mixin
    PlanChoiceMixin choice;
    @Mixin
    ProgressMixin progress;

    TransferPlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        output.check(output.format() == OutputFormat.JSON ? jsonEntries() : table());
        PagingProgress reading = progress.paging("reading both domains");
        MigrationClients clients = DailyConnection.clients(context, retry.policy(context.settings()),
                rate.maxRequestsPerSecond(), debug, reading);
        boolean json = output.format() != OutputFormat.TABLE;
        PrintWriter info = json ? context.err() : context.out();
        PlanRun.Written written = PlanRun.run(context, clients, files.dir(context), files.plan(context),
                choice.choice(), new Prompter(context, confirm.yes()), info, reading);
        List<PlanEntry> entries = written.plan().entryList();
        if (output.format() == OutputFormat.JSON) {
            context.out().println(Table.toJson(summary(written, output.rendering().fields())));
        } else {
            output.print(table(), entries);
        }
        if (!json) {
            info.println("Wrote " + written.planFile() + " (" + Plural.of(entries.size(), "entry", "entries") + "; review it, then run "
                    + "'switchboard transfer apply'), " + written.orphansFile().getFileName() + " ("
                    + written.discovery().orphans().size() + "), " + written.callerIdsFile().getFileName() + " ("
                    + written.discovery().callerIds().size() + ")");
        }
        context.out().flush();
        return ExitCode.OK;
    }

    /** The entries as the table, csv and tsv show them. */
    static Table<PlanEntry> table() {
        return jsonEntries().only("key", "source_phone_id", "src_type", "config_type", "room_creation_api");
    }

    /** Every key an entry has in the JSON document; {@code --fields} chooses among them there. */
    static Table<PlanEntry> jsonEntries() {
        return Table.of(PlanEntry.class)
                .column("KEY", "key", PlanEntry::key)
                .column("PHONE NUMBER", "phone_number", PlanEntry::number)
                .column("SIP ONLY", "sip_only", PlanEntry::isSipOnly)
                .column("SOURCE ID", "source_phone_id", PlanEntry::sourcePhoneId)
                .column("SRC TYPE", "src_type", e -> e.srcType() == null ? null : e.srcType().wireName())
                .column("CONFIG", "config_type", e -> e.config() == null ? null : e.config().type().wireName())
                .column("WEBHOOK", "room_creation_api", e -> e.config() == null ? null : e.config().targetRoomApi())
                .column("LEGACY DUPLICATES", "legacy_duplicates", e -> e.legacyDuplicates().size());
    }

    private static Map<String, Object> summary(PlanRun.Written written, List<String> fields) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", Map.of("domain_name", written.plan().source().name(),
                "domain_id", String.valueOf(written.plan().source().id())));
        root.put("target", Map.of("domain_name", written.plan().target().name(),
                "domain_id", String.valueOf(written.plan().target().id())));
        root.put("plan_file", written.planFile().toString());
        List<Map<String, Object>> entries = jsonEntries().objects(fields, written.plan().entryList());
        root.put("entries", entries);
        root.put("orphaned_configs", written.discovery().orphans().size());
        root.put("unverified_caller_ids", written.discovery().callerIds().size());
        root.put("conflicts", written.discovery().conflicts());
        return root;
    }
}
