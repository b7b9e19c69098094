package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.phone.E164;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan compared with the journal's copies of the entries apply has started changing ({@link
 * EntryStart#locked locked} entries, whose start records hold the plan entry as it was applied). Such an
 * entry must be finished or rolled back as it started: apply refuses to run while one of them is changed
 * or missing in the plan (exit 3, before any request that writes), a rollback works from the journal's
 * copy and backup whatever the plan now says, and {@link #restored} puts the copies back into a plan.
 * Comparing needs no network and never shows a value (field names only).
 */
public final class PlanChanges {
    private PlanChanges() {
    }

    /** Every locked entry that the plan changed or lost, naming the changed fields. */
    static List<PlanProblem> problems(TransferPlan plan, JournalView view) {
        List<PlanProblem> problems = new ArrayList<>();
        for (String key : view.entries()) {
            Optional<EntryStart> start = EntryStart.in(view, key);
            if (start.isEmpty() || !EntryStart.locked(view, key)) {
                continue;
            }
            PlanEntry planned = plan.entries().get(key);
            if (planned == null) {
                problems.add(new PlanProblem(key, "removed from the plan after apply started moving it"));
                continue;
            }
            List<String> fields = changedFields(start.get().entry(), PlanCodec.entry(planned));
            if (!fields.isEmpty()) {
                problems.add(new PlanProblem(key, String.join(", ", fields) + " changed in the plan after apply "
                        + "started moving it"));
            }
        }
        return problems;
    }

    /** @throws InvalidPlanException (stale: exit 3) naming every changed or lost started entry */
    static void requireUnchanged(TransferPlan plan, JournalView view) {
        List<PlanProblem> problems = problems(plan, view);
        if (!problems.isEmpty()) {
            throw new InvalidPlanException("the plan was edited after apply started " + problems.size()
                    + (problems.size() == 1 ? " entry" : " entries") + "; nothing was changed. Finish or roll them "
                    + "back as they started: 'switchboard transfer status --restore-plan' puts the journal's copies "
                    + "back into the plan", problems, true);
        }
    }

    /**
     * The entries a rollback works on: the plan's, except that a locked entry is the journal's copy (when the
     * plan changed it), followed by locked entries the plan no longer has.
     */
    static List<PlanEntry> forRollback(TransferPlan plan, JournalView view) {
        List<PlanEntry> entries = new ArrayList<>();
        for (PlanEntry planned : plan.entryList()) {
            boolean same = EntryStart.in(view, planned.key())
                    .map(start -> changedFields(start.entry(), PlanCodec.entry(planned)).isEmpty()).orElse(true);
            entries.add(same ? planned : journalCopy(view, planned.key()).orElse(planned));
        }
        for (String key : view.entries()) {
            if (!plan.entries().containsKey(key)) {
                journalCopy(view, key).ifPresent(entries::add);
            }
        }
        return entries;
    }

    /** The journal's copy of a locked entry (empty for other entries and for journals without start records). */
    static Optional<PlanEntry> journalCopy(JournalView view, String key) {
        if (!EntryStart.locked(view, key)) {
            return Optional.empty();
        }
        return EntryStart.in(view, key).map(start -> {
            List<PlanProblem> problems = new ArrayList<>();
            PlanEntry entry = PlanEntryReader.read(key, start.entry(), problems);
            if (entry == null) {
                throw new InvalidPlanException("the journal's copy of entry " + key + " cannot be read", problems, true);
            }
            return entry;
        });
    }

    /**
     * A plan built from the journal alone (its started entries and the plan's domains as recorded), for when
     * the plan file is gone. Empty when the journal has no start record.
     */
    public static Optional<TransferPlan> fromJournal(JournalView view) {
        Map<String, PlanEntry> entries = new LinkedHashMap<>();
        ObjectNode header = null;
        for (String key : view.entries()) {
            Optional<PlanEntry> copy = journalCopy(view, key);
            if (copy.isPresent()) {
                entries.put(key, copy.get());
                header = EntryStart.in(view, key).orElseThrow().plan();
            }
        }
        if (header == null) {
            return Optional.empty();
        }
        return Optional.of(new TransferPlan(text(header, "format"), instant(text(header, "created_at")),
                domain(header.get("source")), domain(header.get("target")), entries));
    }

    /**
     * {@code current} (a plan file's JSON, either format; null when missing or unreadable) with the journal's
     * copy of every locked entry put back; entries not started are kept as they are. Written in this tool's
     * format; a flat plan's domains come from the journal.
     */
    public static ObjectNode restored(JsonNode current, JournalView view) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode entries;
        Set<String> locked = new LinkedHashSet<>();
        ObjectNode header = null;
        for (String key : view.entries()) {
            if (EntryStart.locked(view, key) && EntryStart.in(view, key).isPresent()) {
                locked.add(key);
                header = EntryStart.in(view, key).get().plan();
            }
        }
        if (current instanceof ObjectNode plan && plan.has("format") && plan.get("entries") instanceof ObjectNode) {
            root = plan.deepCopy();
            entries = (ObjectNode) root.get("entries");
        } else {
            root.put("format", TransferPlan.FORMAT);
            root.set("created_at", header == null ? null : header.get("created_at"));
            root.set("source", header == null ? null : header.get("source"));
            root.set("target", header == null ? null : header.get("target"));
            entries = root.putObject("entries");
            if (current instanceof ObjectNode flat && !flat.has("format")) {
                entries.setAll(flat.deepCopy());
            }
        }
        for (String key : locked) {
            List<String> aliases = new ArrayList<>();
            entries.fieldNames().forEachRemaining(name -> {
                if (!name.equals(key) && E164.tryParse(name).map(E164::value).filter(key::equals).isPresent()) {
                    aliases.add(name);
                }
            });
            entries.remove(aliases);
            entries.set(key, EntryStart.in(view, key).orElseThrow().entry());
        }
        return root;
    }

    /** The top-level and {@code config_data} field names in which {@code now} differs from {@code was}. */
    static List<String> changedFields(ObjectNode was, ObjectNode now) {
        List<String> fields = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        was.fieldNames().forEachRemaining(names::add);
        now.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode before = was.get(name);
            JsonNode after = now.get(name);
            if (name.equals("config_data") && before instanceof ObjectNode a && after instanceof ObjectNode b) {
                changedFields(a, b).forEach(field -> fields.add("config_data." + field));
            } else if (!canonical(before).equals(canonical(after))) {
                fields.add(name);
            }
        }
        return fields;
    }

    private static String canonical(JsonNode node) {
        return node == null || node.isNull() ? "null" : Observation.canonical(node);
    }

    private static String text(JsonNode node, String field) {
        return EntryContext.text(node, field);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DomainRef domain(JsonNode node) {
        return node == null || !node.isObject() || text(node, "domain_name") == null ? null
                : new DomainRef(text(node, "domain_name"), text(node, "domain_id"));
    }
}
