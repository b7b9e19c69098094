package dev.switchboard.daily.migration;

import dev.switchboard.daily.PurchasedNumber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What planning found on both domains (read-only): the transferable numbers (sorted by number, so the
 * indexes a person picks from are stable), verified caller IDs, SIP-only configs, orphaned configs
 * (their number is no longer owned) and conflicts (a legacy entry overridden by a modern config, or a
 * number or config the target already has). {@link #plan} turns a selection into a {@link TransferPlan}.
 */
public record Discovery(DomainInventory source, DomainInventory target, List<PurchasedNumber> transferable,
                        List<PurchasedNumber> callerIds, List<ObservedConfig> sipOnly, List<ObservedConfig> orphans,
                        List<String> conflicts) {
    public Discovery {
        transferable = List.copyOf(transferable);
        callerIds = List.copyOf(callerIds);
        sipOnly = List.copyOf(sipOnly);
        orphans = List.copyOf(orphans);
        conflicts = List.copyOf(conflicts);
    }

    /** Sorts the source's inventory into the groups above. */
    public static Discovery of(DomainInventory source, DomainInventory target) {
        List<PurchasedNumber> numbers = source.numbers().stream()
                .sorted(Comparator.comparing(PurchasedNumber::number)).toList();
        List<ObservedConfig> orphans = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (ObservedConfig config : source.configs()) {
            if (config.phoneNumber() != null && !source.owns(config.phoneNumber())) {
                orphans.add(config);
            }
        }
        for (PurchasedNumber number : numbers) {
            Optional<Observation> observed = Observation.forNumber(source, number.number());
            observed.ifPresent(o -> o.duplicates().forEach(duplicate -> conflicts.add(number.number() + ": the "
                    + o.main().where() + " overrides the " + duplicate.where()
                    + "; both are removed from the source, only the first is created on the target")));
            if (target.owns(number.number())) {
                conflicts.add(number.number() + ": the target domain already owns this number");
            } else if (!target.configsFor(number.number()).isEmpty()) {
                conflicts.add(number.number() + ": the target already has a dial-in config for this number");
            }
        }
        return new Discovery(source, target, numbers, source.callerIds(), source.sipOnlyConfigs(), orphans, conflicts);
    }

    /** The numbers (from {@link #transferable}) whose config, or SIP-only configs, still use the dailybots placeholder. */
    public List<String> dailybotsPlaceholders(Collection<String> numbers, boolean includeSipOnly) {
        List<String> keys = new ArrayList<>();
        for (String number : numbers) {
            Observation.forNumber(source, number).map(Observation::main)
                    .filter(config -> config.config().needsRoomApiReplacement()).ifPresent(config -> keys.add(number));
        }
        if (includeSipOnly) {
            sipOnly.stream().filter(config -> config.config().needsRoomApiReplacement())
                    .forEach(config -> keys.add(sipKey(config)));
        }
        return keys;
    }

    /**
     * The plan for the selected numbers (each must be transferable) and, when asked, every SIP-only
     * config. {@code roomApiReplacement} replaces the dailybots placeholder (required when one is selected).
     */
    public TransferPlan plan(Collection<String> numbers, boolean includeSipOnly, String roomApiReplacement,
                             Instant createdAt) {
        Set<String> selected = new LinkedHashSet<>(numbers);
        List<String> placeholders = dailybotsPlaceholders(selected, includeSipOnly);
        if (!placeholders.isEmpty() && (roomApiReplacement == null || roomApiReplacement.isBlank())) {
            throw new IllegalArgumentException(placeholders.size() + " selected config(s) use the 'dailybots' "
                    + "room_creation_api placeholder (" + String.join(", ", placeholders)
                    + "); give the new webhook URL with --room-creation-api");
        }
        List<PlanEntry> entries = new ArrayList<>();
        for (PurchasedNumber number : transferable) {
            if (!selected.remove(number.number())) {
                continue;
            }
            Observation observed = Observation.forNumber(source, number.number()).orElseThrow();
            ObservedConfig main = observed.main();
            entries.add(new PlanEntry(number.number(), number.id(), main == null ? null : main.kind(),
                    main == null ? null : main.configId(), main == null ? null : replaced(main.config(), roomApiReplacement),
                    observed.duplicates().stream().map(ObservedConfig::config).toList(), observed.fingerprint()));
        }
        if (!selected.isEmpty()) {
            throw new IllegalArgumentException("not a transferable number of " + source.domain().name() + ": "
                    + String.join(", ", selected));
        }
        if (includeSipOnly) {
            for (ObservedConfig config : sipOnly) {
                Observation observed = new Observation(null, config, List.of());
                entries.add(new PlanEntry(sipKey(config), null, config.kind(), config.configId(),
                        replaced(config.config(), roomApiReplacement), List.of(), observed.fingerprint()));
            }
        }
        return TransferPlan.of(createdAt, source.ref(), target.ref(), entries);
    }

    /** The plan key of a SIP-only config: its sip_uri (or its id when Daily gave no URI). */
    public static String sipKey(ObservedConfig config) {
        return Objects.requireNonNullElse(config.config().sipUri(), "sip-only:" + config.configId());
    }

    private static PlannedConfig replaced(PlannedConfig config, String url) {
        return config.needsRoomApiReplacement() ? config.withRoomApiReplacement(url) : config;
    }
}
