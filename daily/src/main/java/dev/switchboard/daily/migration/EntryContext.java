package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinType;

import java.util.HashSet;
import java.util.Set;
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

    EntryContext(PlanEntry entry, MigrationSession session) {
        this.entry = entry;
        this.session = session;
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
        PlannedConfig planned = entry.config();
        return config -> config.phoneNumber() == null && config.type() == DialinType.PINLESS_DIALIN
                && planned.sameHmac(config.hmac());
    }

    /** Whether an existing legacy entry {@code old} is (a restored copy of) {@code wanted}. */
    static final BiPredicate<PlannedConfig, PlannedConfig> SAME_LEGACY_ENTRY = (wanted, old) ->
            wanted.type() == old.type() && (wanted.phoneNumber() != null
                    ? wanted.phoneNumber().equals(old.phoneNumber())
                    : old.phoneNumber() == null && wanted.sameHmac(old.hmac()));
}
