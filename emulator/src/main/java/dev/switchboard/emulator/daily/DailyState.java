package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.SeededIds;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * All Daily domains plus the global counters. Mutable; only touched while holding the provider's lock.
 * Pagination ids and config order are global and monotonic. Ids of deleted objects stay known as cursors.
 */
final class DailyState {
    private final Map<String, DailyDomain> domainsByName = new LinkedHashMap<>();
    private final Map<String, DailyDomain> domainsByKey = new HashMap<>();
    /** Numbers released from Daily; they cannot be bought again. */
    final Set<String> retiredNumbers = new TreeSet<>();
    /** Every number id ever issued, to its pagination id: cursors keep working after a release or transfer. */
    final Map<String, Long> numberCursors = new HashMap<>();
    /** Every config id ever issued, to its order: cursors keep working after a delete. */
    final Map<String, Long> configCursors = new HashMap<>();
    /** Number to owning domain, across all domains. */
    private final Map<String, DailyDomain> owners = new HashMap<>();
    /** Phone number to the modern config using it, across all domains. */
    private final Map<String, DialinConfig> configsByNumber = new HashMap<>();
    final EmulatedClock clock;
    /** Where domain events go; the provider installs its sender after every load. */
    DailyEvents events;
    private final SeededIds ids;
    long nextPaginationId = 1;
    private long nextConfigSeq = 1;
    private long lastSipStamp;
    /** 2025-01-01T00:00:00Z: where stamps of loaded configs without a date start. */
    private static final long LOADED_SIP_STAMP_BASE = 1_735_689_600_000L;

    DailyState(EmulatedClock clock, long idSeed) {
        this.clock = clock;
        this.ids = new SeededIds(idSeed);
    }

    Instant now() {
        return clock.now();
    }

    DailyDomain addDomain(String name, String id, List<String> apiKeys, ObjectNode settings) {
        if (name == null || name.isBlank() || domainsByName.containsKey(name)) {
            throw new IllegalArgumentException("domain names must be present and unique: " + name);
        }
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("domain " + name + " needs at least one API key");
        }
        for (String key : apiKeys) {
            if (key == null || key.isBlank() || key.contains(" ") || domainsByKey.containsKey(key)) {
                throw new IllegalArgumentException(
                        "API keys must be non-blank, without spaces and unique (domain " + name + ")");
            }
        }
        DailyDomain domain = new DailyDomain(name, id == null ? newId() : id, apiKeys, settings);
        domainsByName.put(name, domain);
        apiKeys.forEach(k -> domainsByKey.put(k, domain));
        return domain;
    }

    Collection<DailyDomain> domains() {
        return domainsByName.values();
    }

    Optional<DailyDomain> domainForKey(String key) {
        return Optional.ofNullable(domainsByKey.get(key));
    }

    DailyDomain domain(String name) {
        DailyDomain domain = domainsByName.get(name);
        if (domain == null) {
            throw new IllegalArgumentException("no such domain: " + name);
        }
        return domain;
    }

    Optional<DailyDomain> ownerOf(String number) {
        return Optional.ofNullable(owners.get(number));
    }

    boolean owns(DailyDomain domain, String number) {
        return owners.get(number) == domain;
    }

    /** The modern config using {@code number} in any domain, other than {@code exceptId}. */
    Optional<DialinConfig> configUsing(String number, String exceptId) {
        DialinConfig config = configsByNumber.get(number);
        return config == null || config.id().equals(exceptId) ? Optional.empty() : Optional.of(config);
    }

    boolean available(String number) {
        return !retiredNumbers.contains(number) && !owners.containsKey(number);
    }

    PhoneNumber addNumber(DailyDomain domain, PhoneNumber number) {
        if (!available(number.number())) {
            throw new IllegalArgumentException("number " + number.number() + " is owned already or was released");
        }
        domain.numbers.put(number.id(), number);
        owners.put(number.number(), domain);
        numberCursors.put(number.id(), number.paginationId());
        nextPaginationId = Math.max(nextPaginationId, number.paginationId() + 1);
        return number;
    }

    /** Records a purchase by {@code domain} of {@code number} at {@code purchasedAt}, with fresh ids. */
    PhoneNumber purchase(DailyDomain domain, String number, Instant purchasedAt) {
        return addNumber(domain, new PhoneNumber(newId(), takePaginationId(), number, domain.name, purchasedAt,
                "verified", true, "US", null));
    }

    /** The meeting session of a room: the one its participants share, or a new one for an empty room. */
    String meetingSession(DailyDomain domain, String room) {
        return domain.participants.stream().filter(p -> p.room().equals(room)).map(Participant::mtgSessionId)
                .findFirst().orElseGet(this::newId);
    }

    void removeNumber(DailyDomain domain, PhoneNumber number) {
        domain.numbers.remove(number.id());
        owners.remove(number.number());
    }

    /** Releases a number: it leaves Daily for good, and the config using it (in any domain) is deleted. */
    void releaseNumber(DailyDomain domain, PhoneNumber number) {
        removeNumber(domain, number);
        retiredNumbers.add(number.number());
        configUsing(number.number(), null).ifPresent(config -> domains().stream()
                .filter(d -> d.configs.containsKey(config.id())).findFirst()
                .ifPresent(d -> removeConfig(d, config)));
    }

    /** Adds or replaces a config, keeping the phone-number index in step. */
    void putConfig(DailyDomain domain, DialinConfig config) {
        DialinConfig previous = domain.configs.put(config.id(), config);
        if (previous != null && previous.phoneNumber() != null) {
            configsByNumber.remove(previous.phoneNumber());
        }
        if (config.phoneNumber() != null) {
            configsByNumber.put(config.phoneNumber(), config);
        }
        configCursors.put(config.id(), config.seq());
    }

    void removeConfig(DailyDomain domain, DialinConfig config) {
        domain.configs.remove(config.id());
        if (config.phoneNumber() != null) {
            configsByNumber.remove(config.phoneNumber());
        }
    }

    /** A fresh UUID that no domain, number or config uses yet. */
    String newId() {
        String id;
        do {
            id = ids.uuid();
        } while (numberCursors.containsKey(id) || configCursors.containsKey(id) || isDomainId(id));
        return id;
    }

    private boolean isDomainId(String id) {
        return domains().stream().anyMatch(d -> d.id.equals(id));
    }

    long takePaginationId() {
        return nextPaginationId++;
    }

    long takeConfigSeq() {
        return nextConfigSeq++;
    }

    /** A new base64 hmac secret, as Daily generates when none is given. */
    String newHmac() {
        return ids.base64Secret(32);
    }

    int randomIndex(int bound) {
        return ids.nextInt(bound);
    }

    /** A SIP URI for a modern pinless config; the user part is unique and millisecond-shaped. */
    String newConfigSipUri(DailyDomain domain) {
        lastSipStamp = Math.max(lastSipStamp + 1, now().toEpochMilli());
        return "user--" + lastSipStamp + "@daily-" + domain.id + "-pinless-sip.dapp.signalwire.com";
    }

    /**
     * A SIP URI for a config loaded from a state document without one. Its stamp comes from the config's
     * {@code created_at} when the document gives one, otherwise from a fixed instant, never from the clock, so
     * loading the same document always gives the same URIs (URIs created later through the API stay newer).
     */
    String loadedConfigSipUri(DailyDomain domain, Instant givenCreatedAt) {
        long base = givenCreatedAt != null ? givenCreatedAt.toEpochMilli() : LOADED_SIP_STAMP_BASE;
        lastSipStamp = Math.max(lastSipStamp + 1, base);
        return "user--" + lastSipStamp + "@daily-" + domain.id + "-pinless-sip.dapp.signalwire.com";
    }

    /** Restores the SIP stamp counter after a load so new URIs never repeat loaded ones. */
    void noteSipUri(String sipUri) {
        if (sipUri != null && sipUri.startsWith("user--") && sipUri.indexOf('@') > 6) {
            try {
                lastSipStamp = Math.max(lastSipStamp, Long.parseLong(sipUri.substring(6, sipUri.indexOf('@'))));
            } catch (NumberFormatException ignored) {
                // a hand-written URI in a state file; it cannot collide with generated ones
            }
        }
    }

    /** A SIP URI for a legacy {@code pinless_dialin} entry. */
    String newStaticSipUri(DailyDomain domain) {
        return "static-address--" + domain.nextStaticAddress++ + "@" + domain.name + ".sip.daily.co";
    }
}
