package dev.switchboard.daily.migration;

import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinType;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.LegacyPinlessEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Edits a domain's deprecated dial-in arrays, which Daily only replaces wholesale ({@code POST /}):
 * every edit re-reads the domain right before rewriting and keeps every other entry with its hmac.
 * Edits of one domain are serialised (one lock per domain name in this instance), so concurrent entries
 * never overwrite each other's changes. Another process editing the same arrays at the same moment is
 * not guarded against: run one apply per domain pair.
 */
final class LegacyArrays {
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** How many entries currently match (a read; no lock needed for a snapshot). */
    int countMatching(DailyClient client, Predicate<PlannedConfig> match) {
        Domain domain = client.domain();
        return (int) configs(domain).stream().filter(match).count();
    }

    /**
     * Removes every entry matching {@code match}; returns how many were removed (0: nothing to write).
     * {@code beforeRewrite} sees the entries about to be removed, as just read, before the rewrite is sent.
     */
    int remove(DailyClient client, String domainName, Predicate<PlannedConfig> match,
               java.util.function.Consumer<List<PlannedConfig>> beforeRewrite) {
        ReentrantLock lock = locks.computeIfAbsent(domainName, name -> new ReentrantLock());
        lock.lock();
        try {
            Domain domain = client.domain();
            List<LegacyPinlessEntry> pinless = new ArrayList<>();
            List<LegacyPinEntry> pin = new ArrayList<>();
            List<PlannedConfig> removed = new ArrayList<>();
            for (LegacyPinlessEntry entry : domain.config().pinlessDialin()) {
                PlannedConfig config = PlannedConfig.of(entry);
                if (match.test(config)) {
                    removed.add(config);
                } else {
                    pinless.add(entry);
                }
            }
            for (LegacyPinEntry entry : domain.config().pinDialin()) {
                PlannedConfig config = PlannedConfig.of(entry);
                if (match.test(config)) {
                    removed.add(config);
                } else {
                    pin.add(entry);
                }
            }
            if (!removed.isEmpty()) {
                beforeRewrite.accept(removed);
                client.replaceLegacyDialin(pinless, pin);
            }
            return removed.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends each of {@code configs} that is not there yet ({@code present} tells, per config, whether an
     * existing entry is it); returns how many were added.
     */
    int add(DailyClient client, String domainName, List<PlannedConfig> configs,
            java.util.function.BiPredicate<PlannedConfig, PlannedConfig> present) {
        ReentrantLock lock = locks.computeIfAbsent(domainName, name -> new ReentrantLock());
        lock.lock();
        try {
            Domain domain = client.domain();
            List<PlannedConfig> existing = configs(domain);
            List<LegacyPinlessEntry> pinless = new ArrayList<>(domain.config().pinlessDialin());
            List<LegacyPinEntry> pin = new ArrayList<>(domain.config().pinDialin());
            int added = 0;
            for (PlannedConfig config : configs) {
                if (existing.stream().anyMatch(old -> present.test(config, old))) {
                    continue;
                }
                if (config.type() == DialinType.PINLESS_DIALIN) {
                    pinless.add(config.sourceLegacyPinless());
                } else {
                    pin.add(config.sourceLegacyPin());
                }
                added++;
            }
            if (added > 0) {
                client.replaceLegacyDialin(pinless, pin);
            }
            return added;
        } finally {
            lock.unlock();
        }
    }

    static List<PlannedConfig> configs(Domain domain) {
        List<PlannedConfig> all = new ArrayList<>();
        domain.config().pinlessDialin().forEach(entry -> all.add(PlannedConfig.of(entry)));
        domain.config().pinDialin().forEach(entry -> all.add(PlannedConfig.of(entry)));
        return all;
    }
}
