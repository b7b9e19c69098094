package dev.switchboard.emulator.signalwire;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One SignalWire project: its API tokens, limits and resources. Every resource gets a sequence number at
 * creation; listings are newest first by it, and page tokens name an item whose sequence is remembered
 * even after the item is deleted, so a page token keeps working. Not thread-safe: the provider lock guards it.
 */
final class SwProject {
    static final int DEFAULT_NUMBER_LIMIT = 1000;
    static final int DEFAULT_RELEASE_COOLDOWN_DAYS = 14;

    final String projectId;
    final Set<String> tokens = new LinkedHashSet<>();
    int numberLimit = DEFAULT_NUMBER_LIMIT;
    int releaseCooldownDays = DEFAULT_RELEASE_COOLDOWN_DAYS;

    final Map<String, SwNumber> numbers = new LinkedHashMap<>();
    final Map<String, SwRecord> addresses = new LinkedHashMap<>();
    final Set<String> failingE911Addresses = new HashSet<>();
    final Map<String, SwRecord> groups = new LinkedHashMap<>();
    final Map<String, SwRecord> memberships = new LinkedHashMap<>();
    final Map<String, SwRecord> callerIds = new LinkedHashMap<>();
    final Map<String, Verification> verifications = new HashMap<>();
    final Map<String, SwRecord> calls = new LinkedHashMap<>();
    final Map<String, SwRecord> messages = new LinkedHashMap<>();

    private final Map<String, Long> seqOfId = new HashMap<>();
    private long nextSeq = 1;

    SwProject(String projectId) {
        this.projectId = projectId;
    }

    /** The next creation sequence, remembered for {@code id}. */
    long register(String id) {
        long seq = nextSeq++;
        seqOfId.put(id, seq);
        return seq;
    }

    /** The sequence {@code id} was created with (deleted items included), for page tokens. */
    Optional<Long> seqOf(String id) {
        return Optional.ofNullable(seqOfId.get(id));
    }

    static <T extends Paged> List<T> newestFirst(java.util.Collection<T> items) {
        return items.stream().sorted(Comparator.comparingLong(Paged::seq).reversed()).toList();
    }

    /** The membership of a number, if it is in a group. */
    Optional<SwRecord> membershipOf(String numberId) {
        return memberships.values().stream().filter(m -> numberId.equals(m.text("phone_number_id"))).findFirst();
    }

    long groupSize(String groupId) {
        return memberships.values().stream().filter(m -> groupId.equals(m.text("number_group_id"))).count();
    }
}
