package dev.switchboard.daily.migration;

import dev.switchboard.daily.DailyClient;

import java.util.List;
import java.util.Optional;

/**
 * What apply knows of the source when an entry starts: the inventory the pre-flight check read (offered by
 * {@link MigrationEngine#staleProblems()}), or one read on first need, so observing an entry costs no
 * request of its own. Fresh enough: apply itself never changes one entry's source configs while working
 * on another, and a legacy rewrite re-reads the arrays and updates the backup if they changed meanwhile.
 * A modern config changed by someone else between the pre-flight read and its deletion is not seen.
 * Thread-safe; one per engine.
 */
final class SourceObserver {
    private final DailyClient source;
    private DomainInventory offered;
    private DomainInventory current;

    SourceObserver(DailyClient source) {
        this.source = source;
    }

    /** The inventory the next run observes entries in (instead of reading one). */
    synchronized void offer(DomainInventory inventory) {
        offered = inventory;
    }

    /** Starts a run: its entries are observed in the offered inventory, or in one read when first needed. */
    synchronized void newRun() {
        current = offered;
        offered = null;
    }

    private synchronized DomainInventory inventory() {
        if (current == null) {
            current = DomainInventory.read(source);
        }
        return current;
    }

    /** Every config the source holds for the entry: a number's (wherever they live), or the SIP-only config. */
    List<ObservedConfig> configsOf(PlanEntry entry) {
        DomainInventory inventory = inventory();
        if (!entry.isSipOnly()) {
            return inventory.configsFor(entry.number());
        }
        if (!entry.hasConfig()) {
            return List.of();
        }
        return Observation.forSipOnly(inventory, entry.srcType(), entry.configId(), entry.config())
                .map(observation -> List.of(observation.main())).orElse(List.of());
    }

    /**
     * Why the entry, as planned, cannot move what the source holds (empty when it can): the plan must move
     * the config that routes the number (a modern one wins over legacy entries, which are removed with it
     * and restored on rollback), and a number can have only one modern config. Otherwise apply would report
     * the entry migrated while {@code transfer verify} finds a config left on the source.
     */
    static Optional<String> mismatch(PlanEntry entry, List<ObservedConfig> observed) {
        if (entry.isSipOnly()) {
            return observed.isEmpty() ? Optional.of("this SIP-only config is no longer on the source; nothing was "
                    + "changed") : Optional.empty();
        }
        List<ObservedConfig> modern = observed.stream().filter(c -> c.kind() == SourceKind.DOMAIN_DIALIN_CONFIG).toList();
        if (modern.size() > 1) {
            return Optional.of("the source has " + modern.size() + " modern dial-in configs for this number; only "
                    + "one can move: delete the extra ones, then plan again; nothing was changed");
        }
        Optional<ObservedConfig> routing = modern.stream().findFirst()
                .or(() -> observed.stream().filter(c -> c.kind() == SourceKind.ROOT_PINLESS).findFirst())
                .or(() -> observed.stream().findFirst());
        if (!entry.hasConfig()) {
            return routing.map(config -> "the source routes this number with a " + config.where()
                    + " that the plan does not move; plan again; nothing was changed");
        }
        if (routing.isEmpty()) {
            return Optional.of("the plan's " + planned(entry) + " is no longer on the source; plan again; nothing "
                    + "was changed");
        }
        ObservedConfig found = routing.get();
        boolean same = found.kind() == entry.srcType() && (found.kind() != SourceKind.DOMAIN_DIALIN_CONFIG
                || found.configId().equals(entry.configId()));
        return same ? Optional.empty() : Optional.of("the plan moves the " + planned(entry) + " but the source routes "
                + "this number with the " + found.where() + "; plan again; nothing was changed");
    }

    private static String planned(PlanEntry entry) {
        return entry.srcType() == SourceKind.DOMAIN_DIALIN_CONFIG ? "modern config " + entry.configId()
                : "legacy " + entry.config().type().wireName() + " entry";
    }
}
