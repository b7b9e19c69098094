package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An entry's start record in the journal ({@value #STEP}, DONE), written and synced before the entry's
 * first request: the plan entry as it was applied ({@code entry}, with the plan's domains in {@code plan}),
 * so that a plan edited afterwards is recognised and the original can be restored; and the <b>backup</b>
 * ({@code observed}): every config the source held for the entry, exactly as read from it, hmac included.
 * Rollback and every recovery restore from the backup, never from the plan. Apply rewrites the record
 * when it observes the source again before anything was removed from it, and when a legacy rewrite finds
 * other entries than the backup holds (the journal is owner-only; its records are never printed).
 */
record EntryStart(ObjectNode plan, ObjectNode entry, List<ObservedConfig> observed) {
    static final String STEP = "start";
    /** Steps whose start means a source config may be gone: from then on the backup is never replaced. */
    private static final Set<String> REMOVALS = Set.of(Step.DELETE_SOURCE_CONFIG, Step.REMOVE_LEGACY_ENTRIES,
            Step.ROLLBACK);

    EntryStart {
        observed = List.copyOf(observed);
    }

    static EntryStart of(TransferPlan plan, PlanEntry entry, List<ObservedConfig> observed) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("format", plan.format());
        header.put("created_at", plan.createdAt() == null ? null : plan.createdAt().toString());
        header.set("source", domain(plan.source()));
        header.set("target", domain(plan.target()));
        return new EntryStart(header, PlanCodec.entry(entry), observed);
    }

    private static JsonNode domain(DomainRef ref) {
        return ref == null ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.objectNode().put("domain_name", ref.name()).put("domain_id", ref.id());
    }

    /** The backup for an entry of a journal written before start records existed: the plan's configs. */
    static List<ObservedConfig> fromPlan(PlanEntry entry) {
        List<ObservedConfig> configs = new ArrayList<>();
        if (entry.hasConfig()) {
            configs.add(new ObservedConfig(entry.srcType(), entry.configId(), entry.config()));
        }
        entry.legacyDuplicates().forEach(duplicate ->
                configs.add(new ObservedConfig(SourceKind.legacyFor(duplicate.type()), null, duplicate)));
        return configs;
    }

    /** The entry's latest start record, if the journal has one. */
    static Optional<EntryStart> in(JournalView view, String key) {
        return view.last(key, STEP).filter(r -> r.phase() == Phase.DONE).map(r -> fromJson(r.data()));
    }

    /** Whether any step other than the start record has begun: a request that writes has been sent (or tried). */
    static boolean progressed(JournalView view, String key) {
        return view.steps(key).keySet().stream().anyMatch(step -> !STEP.equals(step));
    }

    /** Whether a source config of the entry may have been removed (or a rollback began): the backup is final. */
    static boolean removalBegun(JournalView view, String key) {
        return view.steps(key).keySet().stream().anyMatch(REMOVALS::contains);
    }

    /**
     * Whether the entry has changed something, or may have: a step that changes a domain began and did not
     * end FAILED, or a rollback began. From then on its plan content is fixed (a changed or removed entry
     * stops apply) and its backup is what a rollback restores.
     */
    static boolean locked(JournalView view, String key) {
        for (JournalRecord record : view.steps(key).values()) {
            String step = record.step();
            if (step.equals(STEP) || step.equals(Step.CHECK_TARGET_CONFIG)) {
                continue;
            }
            if (record.phase() != Phase.FAILED || step.equals(Step.ROLLBACK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entry as apply works on it: the plan's, with the legacy entries the backup observed beside a modern
     * config as its duplicates when the plan names none (the original utility's flat plans cannot), so they
     * are removed from the source with it (as {@code transfer verify} expects) and restored on rollback.
     */
    static PlanEntry working(PlanEntry entry, Optional<EntryStart> start) {
        if (start.isEmpty() || entry.isSipOnly() || entry.srcType() != SourceKind.DOMAIN_DIALIN_CONFIG
                || !entry.legacyDuplicates().isEmpty() || start.get().legacy().isEmpty()) {
            return entry;
        }
        return entry.withLegacyDuplicates(start.get().legacy());
    }

    static PlanEntry working(PlanEntry entry, JournalView view) {
        return working(entry, in(view, entry.key()));
    }

    List<ObservedConfig> modern() {
        return observed.stream().filter(c -> c.kind() == SourceKind.DOMAIN_DIALIN_CONFIG).toList();
    }

    List<PlannedConfig> legacy() {
        return observed.stream().filter(c -> c.kind().isLegacy()).map(ObservedConfig::config).toList();
    }

    EntryStart withObserved(List<ObservedConfig> value) {
        return new EntryStart(plan, entry, value);
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("plan", plan.deepCopy());
        node.set("entry", entry.deepCopy());
        ArrayNode configs = node.putArray("observed");
        for (ObservedConfig config : observed) {
            configs.addObject().put("kind", config.kind().wireName()).put("config_id", config.configId())
                    .set("config", config.config().toJson());
        }
        return node;
    }

    private static EntryStart fromJson(JsonNode node) {
        List<ObservedConfig> configs = new ArrayList<>();
        for (JsonNode config : node.path("observed")) {
            SourceKind kind = SourceKind.fromWire(config.path("kind").asText()).orElseThrow(() ->
                    new IllegalStateException("a start record names an unknown config kind"));
            configs.add(new ObservedConfig(kind, EntryContext.text(config, "config_id"),
                    PlannedConfig.fromJson((ObjectNode) config.get("config"))));
        }
        return new EntryStart(object(node.get("plan")), object(node.get("entry")), configs);
    }

    private static ObjectNode object(JsonNode node) {
        return node instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    /** Whether both hold the same configs (legacy SIP-only URIs aside, which Daily reassigns on every rewrite). */
    static boolean sameConfigs(List<ObservedConfig> a, List<ObservedConfig> b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(List<ObservedConfig> configs) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ObservedConfig config : configs) {
            ObjectNode fields = config.config().toJson();
            if (config.kind().isLegacy() && config.phoneNumber() == null) {
                fields.remove("sip_uri");
            }
            array.addObject().put("kind", config.kind().wireName()).put("config_id", config.configId())
                    .set("config", fields);
        }
        return Observation.canonical(array);
    }

    @Override
    public String toString() {
        return "EntryStart[" + entry.size() + " fields, " + observed.size() + " configs observed (hidden)]";
    }
}
