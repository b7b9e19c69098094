package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * One entry's working state during apply or rollback: the plan entry, the shared session, and what
 * earlier steps produced (from this run or from DONE records of an earlier one). Confined to the worker
 * thread running the entry.
 */
final class EntryContext {
    final PlanEntry entry;
    final MigrationSession session;
    final Set<String> doneSteps = new HashSet<>();
    String newPhoneId;
    String targetConfigId;
    String targetSipUri;
    String restoredPhoneId;
    String restoredConfigId;
    /** The target config as this run's create (or its reconciliation) answered it; null when an earlier run made it. */
    DialinConfig createdConfig;
    /** This entry's announced legacy removal ({@link LegacyArrays#expect}), or null. */
    LegacyArrays.Ticket legacyTicket;

    /** What the source held for this entry before anything was removed: what rollback restores. */
    private List<ObservedConfig> backup;
    /** Journals a new backup (durably) before a legacy rewrite that found other entries than the backup holds. */
    private final Consumer<List<ObservedConfig>> journalBackup;

    EntryContext(PlanEntry entry, MigrationSession session, List<ObservedConfig> backup,
                 Consumer<List<ObservedConfig>> journalBackup) {
        this.entry = entry;
        this.session = session;
        this.backup = List.copyOf(backup);
        this.journalBackup = journalBackup;
    }

    List<ObservedConfig> backup() {
        return backup;
    }

    /** The modern config the backup holds (at most one: apply refuses to start a number with two). */
    Optional<ObservedConfig> backupModern() {
        return backup.stream().filter(c -> c.kind() == SourceKind.DOMAIN_DIALIN_CONFIG).findFirst();
    }

    List<PlannedConfig> backupLegacy() {
        return backup.stream().filter(c -> c.kind().isLegacy()).map(ObservedConfig::config).toList();
    }

    /**
     * Called under the legacy-array lock with the entries a rewrite is about to remove, before it is sent:
     * if they are not what the backup holds (changed since observed), the backup becomes them.
     */
    void beforeLegacyRemoval(List<PlannedConfig> removing) {
        if (removing.isEmpty()) {
            return;
        }
        List<ObservedConfig> updated = new ArrayList<>(backup.stream()
                .filter(c -> c.kind() == SourceKind.DOMAIN_DIALIN_CONFIG).toList());
        removing.forEach(config -> updated.add(new ObservedConfig(SourceKind.legacyFor(config.type()), null, config)));
        if (!EntryStart.sameConfigs(updated, backup)) {
            journalBackup.accept(updated);
            backup = List.copyOf(updated);
        }
    }

    String key() {
        return entry.key();
    }

    DailyClient source() {
        return session.clients().source();
    }

    DailyClient target() {
        return session.clients().target();
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * The source's legacy entries this entry moves: its legacy config and any overridden duplicates. A
     * SIP-only entry is known by its hmac, not its sip_uri: Daily may assign new SIP URIs to SIP-only legacy
     * entries whenever the array is rewritten (the emulator does), so the planned URI can be out of date.
     */
    Predicate<PlannedConfig> legacyEntriesOfThisEntry() {
        if (!entry.isSipOnly()) {
            String number = entry.number();
            return config -> number.equals(config.phoneNumber());
        }
        PlannedConfig observed = backupLegacy().stream().findFirst().orElse(entry.config());
        return config -> config.phoneNumber() == null && config.type() == DialinType.PINLESS_DIALIN
                && observed.sameHmac(config.hmac());
    }

    /** Whether an existing legacy entry {@code old} is (a restored copy of) {@code wanted}. */
    static final BiPredicate<PlannedConfig, PlannedConfig> SAME_LEGACY_ENTRY = (wanted, old) ->
            wanted.type() == old.type() && (wanted.phoneNumber() != null
                    ? wanted.phoneNumber().equals(old.phoneNumber())
                    : old.phoneNumber() == null && wanted.sameHmac(old.hmac()));
}
