package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.PagingProgress;
import dev.switchboard.cli.support.JournalMixin;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.daily.DialinConfigRules;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.migration.Discovery;
import dev.switchboard.daily.migration.DomainMismatchException;
import dev.switchboard.daily.migration.EntryResult;
import dev.switchboard.daily.migration.EntryStatus;
import dev.switchboard.daily.migration.InvalidPlanException;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.ObservedConfig;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.PlanEntry;
import dev.switchboard.daily.migration.SourceKind;
import dev.switchboard.daily.migration.Planner;
import dev.switchboard.daily.migration.TransferPlan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The planning workflow shared by {@code transfer plan} and {@code demo}: discover, choose, write the plan
 * (owner-only) and its side files. Read-only towards Daily.
 */
final class PlanRun {
    /** What to plan; null fields are asked for on a terminal. */
    record Choice(boolean all, List<String> numbers, List<String> exclude, Boolean includeSipOnly, String roomApi) {
    }

    /** What was written. */
    record Written(Discovery discovery, TransferPlan plan, Path planFile, Path orphansFile, Path callerIdsFile) {
    }

    static final String ORPHANS_FILE = "orphaned_phone_configs.json";
    static final String CALLER_IDS_FILE = "unverified_caller_ids.json";

    private PlanRun() {
    }

    static Written run(CliContext context, MigrationClients clients, Path dir, Path planFile, Choice choice,
                       Prompter prompter, PrintWriter info) throws IOException {
        return run(context, clients, dir, planFile, choice, prompter, info, null);
    }

    /** @param reading the progress of the clients' paging, ended once both domains are read (null: none) */
    static Written run(CliContext context, MigrationClients clients, Path dir, Path planFile, Choice choice,
                       Prompter prompter, PrintWriter info, PagingProgress reading) throws IOException {
        Path journal = MigrationEngine.journalFor(planFile);
        boolean finishedJournal = Files.exists(journal) && finished(planFile, journal);
        if (Files.exists(journal) && !finishedJournal) {
            throw CliException.precondition("an unfinished journal of an earlier apply exists (" + journal + "); "
                    + "finish it with 'transfer apply' or 'transfer rollback', or plan into another --dir");
        }
        Discovery discovery;
        try {
            discovery = new Planner(clients.source(), clients.target()).discover();
        } catch (DomainMismatchException mismatch) {
            throw CliException.precondition(mismatch.getMessage());
        } finally {
            if (reading != null) {
                reading.close();
            }
        }
        info.println("Source: " + discovery.source().ref() + "   Target: " + discovery.target().ref());
        List<String> numbers = discovery.transferable().stream().map(PurchasedNumber::number).toList();
        List<String> selected = select(discovery, numbers, choice, prompter, info);
        boolean sipOnly = includeSipOnly(discovery, choice, prompter, info);
        String roomApi = choice.roomApi();
        List<String> placeholders = discovery.dailybotsPlaceholders(selected, sipOnly);
        if (!placeholders.isEmpty() && roomApi == null && prompter.canAsk()) {
            roomApi = prompter.ask(Plural.of(placeholders.size(), "config uses", "configs use") + " the 'dailybots' placeholder webhook; "
                    + "new room_creation_api URL: ").trim();
        }
        String roomApiProblem = roomApi == null ? null : DialinConfigRules.urlProblem(roomApi);
        if (roomApiProblem != null) {
            throw CliException.invalidInput("--room-creation-api " + roomApiProblem + "; no plan written");
        }
        if (selected.isEmpty() && !sipOnly) {
            throw CliException.invalidInput("nothing selected; no plan written");
        }
        TransferPlan plan;
        try {
            plan = discovery.plan(selected, sipOnly, roomApi, context.clock().instant());
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        if (Files.exists(planFile)) {
            prompter.require("Replace the existing plan " + planFile + "?");
        }
        if (finishedJournal) {
            Path archived = JournalMixin.archive(journal, context.clock());
            info.println("Archived the finished journal of the earlier plan as " + archived.getFileName());
        }
        PlanCodec.write(planFile, plan);
        Path orphans = dir.resolve(ORPHANS_FILE);
        SecureFiles.writeJson(orphans, orphans(discovery.orphans()), true);
        Path callerIds = dir.resolve(CALLER_IDS_FILE);
        SecureFiles.writeJson(callerIds, callerIds(discovery.callerIds()), false);
        discovery.conflicts().forEach(conflict -> info.println("conflict: " + conflict));
        return new Written(discovery, plan, planFile, orphans, callerIds);
    }

    /** One line: how many entries of each kind the plan holds and what planning set aside. */
    static String summary(Written written) {
        List<PlanEntry> entries = written.plan().entryList();
        long modern = entries.stream().filter(e -> !e.isSipOnly() && e.srcType() == SourceKind.DOMAIN_DIALIN_CONFIG).count();
        long legacy = entries.stream().filter(e -> !e.isSipOnly() && e.srcType() != null && e.srcType().isLegacy()).count();
        long bare = entries.stream().filter(e -> !e.isSipOnly() && !e.hasConfig()).count();
        long sipOnly = entries.stream().filter(PlanEntry::isSipOnly).count();
        return Plural.of(entries.size(), "entry", "entries") + " (" + modern + " with a modern config, " + legacy
                + " with a legacy entry, " + bare + " without a config, " + sipOnly + " SIP-only); "
                + Plural.of(written.discovery().orphans().size(), "orphaned config") + " and "
                + Plural.of(written.discovery().callerIds().size(), "verified caller ID") + " set aside, "
                + Plural.of(written.discovery().conflicts().size(), "conflict");
    }

    /**
     * Whether the earlier plan's journal has nothing left to do: every entry migrated or rolled back (entries a
     * rollback found untouched stay pending), and no apply stopped half-way (some migrated, others pending).
     */
    private static boolean finished(Path planFile, Path journal) throws IOException {
        TransferPlan earlier;
        try {
            earlier = PlanCodec.read(planFile);
        } catch (InvalidPlanException | IOException unreadable) {
            return false;
        }
        List<EntryStatus> statuses = MigrationEngine.status(earlier, journal).stream().map(EntryResult::status).toList();
        boolean settled = statuses.stream().allMatch(s -> s.isFinal() || s == EntryStatus.PENDING);
        boolean halfApplied = statuses.contains(EntryStatus.MIGRATED) && statuses.contains(EntryStatus.PENDING);
        return settled && !halfApplied;
    }

    private static List<String> select(Discovery discovery, List<String> numbers, Choice choice, Prompter prompter,
                                       PrintWriter info) {
        if (choice.all() || !choice.numbers().isEmpty() || !choice.exclude().isEmpty()) {
            return NumberSelection.fromFlags(choice.all(), choice.numbers(), choice.exclude(), numbers);
        }
        if (!prompter.canAsk()) {
            throw CliException.invalidInput("choose the numbers to transfer with --all, --numbers or --exclude "
                    + "(no terminal to ask on)");
        }
        info.println("Purchased numbers on " + discovery.source().domain().name() + ":");
        for (int i = 0; i < discovery.transferable().size(); i++) {
            PurchasedNumber number = discovery.transferable().get(i);
            info.printf("  %3d  %s  %s%n", i + 1, number.number(), number.name() == null ? "" : number.name());
        }
        info.flush();
        return NumberSelection.fromAnswer(prompter.ask("Numbers to transfer (all, or e.g. 1,3,5-7): "), numbers);
    }

    private static boolean includeSipOnly(Discovery discovery, Choice choice, Prompter prompter, PrintWriter info) {
        if (discovery.sipOnly().isEmpty()) {
            return false;
        }
        if (choice.includeSipOnly() != null) {
            return choice.includeSipOnly();
        }
        if (prompter.canAsk()) {
            return prompter.confirm("Also copy " + Plural.of(discovery.sipOnly().size(), "SIP-only config")
                    + " (no phone number) to the target?");
        }
        info.println("note: " + Plural.of(discovery.sipOnly().size(), "SIP-only config") + " not included "
                + "(pass --include-sip-only to copy them)");
        return false;
    }

    private static ArrayNode orphans(List<ObservedConfig> orphans) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ObservedConfig config : orphans) {
            ObjectNode node = array.addObject();
            node.put("phone_number", config.phoneNumber());
            node.put("src_type", config.kind().wireName());
            node.put("config_id", config.configId());
            node.set("config_data", config.config().toJson());
        }
        return array;
    }

    private static ArrayNode callerIds(List<PurchasedNumber> callerIds) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        callerIds.forEach(n -> array.addObject().put("number", n.number()).put("name", n.name()));
        return array;
    }
}
