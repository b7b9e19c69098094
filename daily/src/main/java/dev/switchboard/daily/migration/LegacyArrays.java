package dev.switchboard.daily.migration;

import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinType;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.LegacyPinlessEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Edits a domain's deprecated dial-in arrays, which Daily only replaces wholesale ({@code POST /}):
 * every edit re-reads the domain right before rewriting and keeps every other entry with its hmac.
 * Edits of one domain are serialised (one lock per domain name in this instance), so concurrent entries
 * never overwrite each other's changes. Another process editing the same arrays at the same moment is
 * not guarded against: run one apply per domain pair.
 *
 * <p>Removals are batched (group commit): entries that ask while a rewrite of the same domain is under way
 * wait for it as they always had to, and the next of them then removes everything all of them asked for
 * with one {@code GET /} and one {@code POST /}. A domain's arrays are so rewritten once per batch, not once
 * per entry. Batches are also made on purpose: an entry in flight that will ask for a removal says so first
 * ({@link #expect}), and the first removal of a batch waits for those announced removals to join it, at most
 * {@link #BATCH_WAIT} (the number is already without routing then, so the wait is short and bounded); removals
 * that ask while the batch's read waits for the rate budget join it too.
 */
final class LegacyArrays {
    /** The longest a batch's first removal waits for announced removals to join it. */
    static final Duration BATCH_WAIT = Duration.ofMillis(600);

    private final ConcurrentMap<String, DomainEdits> domains = new ConcurrentHashMap<>();
    private final Duration batchWait;

    LegacyArrays() {
        this(BATCH_WAIT);
    }

    LegacyArrays(Duration batchWait) {
        this.batchWait = batchWait;
    }

    /**
     * Announces a removal this entry will ask for on {@code domainName} (pass the ticket to {@link #remove});
     * close the ticket when the entry ends, so a batch stops waiting for a removal that will not come.
     */
    Ticket expect(String domainName) {
        DomainEdits edits = domains.computeIfAbsent(domainName, name -> new DomainEdits());
        synchronized (edits.queue) {
            edits.expected++;
        }
        return new Ticket(edits);
    }

    /** How many entries currently match (a read; no lock needed for a snapshot). */
    int countMatching(DailyClient client, Predicate<PlannedConfig> match) {
        Domain domain = client.domain();
        return (int) configs(domain).stream().filter(match).count();
    }

    /**
     * Removes every entry matching {@code match}, batched with the removals other threads ask for on the
     * same domain meanwhile; returns how many of this removal's entries were removed (0: nothing to write).
     * {@code beforeRewrite} sees this removal's entries, as the batch's read found them (hmacs included),
     * before the rewrite that drops them is sent. A failed read or rewrite is thrown to every member of the
     * batch, each of which then settles its own step.
     */
    int remove(DailyClient client, String domainName, Predicate<PlannedConfig> match,
               Consumer<List<PlannedConfig>> beforeRewrite) {
        return remove(client, domainName, match, beforeRewrite, null);
    }

    /** {@link #remove(DailyClient, String, Predicate, Consumer)} by an entry that announced it ({@link #expect}). */
    int remove(DailyClient client, String domainName, Predicate<PlannedConfig> match,
               Consumer<List<PlannedConfig>> beforeRewrite, Ticket ticket) {
        DomainEdits batches = domains.computeIfAbsent(domainName, name -> new DomainEdits());
        Pending mine = new Pending(match, beforeRewrite);
        synchronized (batches.queue) {
            batches.queue.add(mine);
            if (ticket != null) {
                ticket.arrive();
            }
            batches.queue.notifyAll();
        }
        batches.lock.lock();
        try {
            if (!mine.served) {
                awaitAnnounced(batches);
                rewrite(client, batches);
            }
        } finally {
            batches.lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.removed;
    }

    /** Waits (at most {@link #batchWait}) until every announced removal of the domain has joined the queue. */
    private void awaitAnnounced(DomainEdits batches) {
        long deadline = System.nanoTime() + batchWait.toNanos();
        synchronized (batches.queue) {
            long left;
            while (batches.expected > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    batches.queue.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Removals waiting for the next batch of a domain (tests). */
    int waiting(String domainName) {
        DomainEdits edits = domains.computeIfAbsent(domainName, name -> new DomainEdits());
        synchronized (edits.queue) {
            return edits.queue.size();
        }
    }

    /** The lock a domain's edits hold while reading and rewriting (tests hold it to line removals up). */
    ReentrantLock editLock(String domainName) {
        return domains.computeIfAbsent(domainName, name -> new DomainEdits()).lock;
    }

    /**
     * Reads the domain, then takes every removal queued by the time the answer came (also those that joined
     * while the read waited for the rate budget: the read is still the one right before the rewrite) and
     * rewrites the arrays without their entries.
     */
    private static void rewrite(DailyClient client, DomainEdits batches) {
        Domain domain;
        try {
            domain = client.domain();
        } catch (RuntimeException failure) {
            List<Pending> batch = take(batches);
            batch.forEach(member -> member.failure = failure);
            batch.forEach(member -> member.served = true);
            return;
        }
        rewrite(client, domain, take(batches));
    }

    private static List<Pending> take(DomainEdits batches) {
        synchronized (batches.queue) {
            List<Pending> batch = new ArrayList<>(batches.queue);
            batches.queue.clear();
            return batch;
        }
    }

    private static void rewrite(DailyClient client, Domain domain, List<Pending> batch) {
        try {
            List<LegacyPinlessEntry> pinless = new ArrayList<>();
            List<LegacyPinEntry> pin = new ArrayList<>();
            Map<Pending, List<PlannedConfig>> found = new LinkedHashMap<>();
            batch.forEach(member -> found.put(member, new ArrayList<>()));
            for (LegacyPinlessEntry entry : domain.config().pinlessDialin()) {
                if (!claimed(PlannedConfig.of(entry), batch, found)) {
                    pinless.add(entry);
                }
            }
            for (LegacyPinEntry entry : domain.config().pinDialin()) {
                if (!claimed(PlannedConfig.of(entry), batch, found)) {
                    pin.add(entry);
                }
            }
            int removed = 0;
            for (Pending member : batch) {
                List<PlannedConfig> own = found.get(member);
                member.removed = own.size();
                removed += own.size();
                if (!own.isEmpty()) {
                    member.beforeRewrite.accept(List.copyOf(own));
                }
            }
            if (removed > 0) {
                client.replaceLegacyDialin(pinless, pin);
            }
        } catch (RuntimeException failure) {
            batch.forEach(member -> member.failure = failure);
        } finally {
            batch.forEach(member -> member.served = true);
        }
    }

    /** Whether a member of the batch claims {@code config}; the first member that matches gets it. */
    private static boolean claimed(PlannedConfig config, List<Pending> batch, Map<Pending, List<PlannedConfig>> found) {
        for (Pending member : batch) {
            if (member.match.test(config)) {
                found.get(member).add(config);
                return true;
            }
        }
        return false;
    }

    /** A removal waiting for (or served by) a batch; its fields are written under the domain's lock. */
    private static final class Pending {
        final Predicate<PlannedConfig> match;
        final Consumer<List<PlannedConfig>> beforeRewrite;
        volatile boolean served;
        volatile int removed;
        volatile RuntimeException failure;

        Pending(Predicate<PlannedConfig> match, Consumer<List<PlannedConfig>> beforeRewrite) {
            this.match = match;
            this.beforeRewrite = beforeRewrite;
        }
    }

    /** One domain's edit lock, the removals waiting for the next batch, and the announced ones not yet asked. */
    private static final class DomainEdits {
        final ReentrantLock lock = new ReentrantLock();
        final List<Pending> queue = new ArrayList<>();
        /** Guarded by {@link #queue}'s monitor. */
        int expected;
    }

    /** An announced removal ({@link #expect}); closing it withdraws the announcement if it was not asked yet. */
    static final class Ticket implements AutoCloseable {
        private final DomainEdits edits;
        private boolean pending = true;

        private Ticket(DomainEdits edits) {
            this.edits = edits;
        }

        /** Called under the queue's monitor. */
        private void arrive() {
            if (pending) {
                pending = false;
                edits.expected--;
            }
        }

        @Override
        public void close() {
            synchronized (edits.queue) {
                arrive();
                edits.queue.notifyAll();
            }
        }
    }

    /**
     * Appends each of {@code configs} that is not there yet ({@code present} tells, per config, whether an
     * existing entry is it); returns how many were added.
     */
    int add(DailyClient client, String domainName, List<PlannedConfig> configs,
            java.util.function.BiPredicate<PlannedConfig, PlannedConfig> present) {
        ReentrantLock lock = domains.computeIfAbsent(domainName, name -> new DomainEdits()).lock;
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
