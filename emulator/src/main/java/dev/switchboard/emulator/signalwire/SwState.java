package dev.switchboard.emulator.signalwire;

import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.SeededIds;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the SignalWire emulator holds: projects by id, which project owns which number, the numbers
 * on sale, and the emulated carrier's timing. Not thread-safe: the provider lock guards it.
 */
final class SwState {
    static final Duration DEFAULT_E911_DELAY = Duration.ofMinutes(5);

    private final EmulatedClock clock;
    private final SeededIds ids;
    private final NumberStock stock;
    private final Map<String, SwProject> projects = new LinkedHashMap<>();
    private final Map<String, String> ownerOfNumber = new HashMap<>();
    /** Numbers outside the stock that were released: they are for sale again. */
    final Set<String> returnedToPool = new HashSet<>();
    Duration e911Delay = DEFAULT_E911_DELAY;

    SwState(EmulatedClock clock, long idSeed, NumberStock stock) {
        this.clock = clock;
        this.ids = new SeededIds(idSeed);
        this.stock = stock;
    }

    Instant now() {
        return clock.now();
    }

    String newId() {
        return ids.uuid();
    }

    /** A 6-digit verification code from the seeded RNG. */
    String newVerificationCode() {
        return String.format("%06d", ids.nextInt(1_000_000));
    }

    NumberStock stock() {
        return stock;
    }

    SwProject addProject(String projectId, Collection<String> tokens) {
        if (projectId == null || projectId.isBlank() || projectId.contains(":")) {
            throw new IllegalArgumentException("a project id must be non-blank and hold no ':'");
        }
        if (projects.containsKey(projectId)) {
            throw new IllegalArgumentException("two projects have the id " + projectId);
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("project " + projectId + " needs at least one API token");
        }
        SwProject project = new SwProject(projectId);
        project.tokens.addAll(tokens);
        projects.put(projectId, project);
        return project;
    }

    Collection<SwProject> projects() {
        return projects.values();
    }

    Optional<SwProject> project(String projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }

    /** The project these Basic credentials open, if the token is one of its tokens. */
    Optional<SwProject> authenticate(String projectId, String token) {
        SwProject project = projects.get(projectId);
        return project != null && project.tokens.contains(token) ? Optional.of(project) : Optional.empty();
    }

    boolean isOwned(String number) {
        return ownerOfNumber.containsKey(number);
    }

    /** Whether the number can be bought: on sale (in stock or returned to the pool) and owned by nobody. */
    boolean isForSale(String number) {
        return !isOwned(number) && (stock.offer(number).isPresent() || returnedToPool.contains(number));
    }

    /** Adds an owned number to the project (purchase, admin or state load). */
    SwNumber own(SwProject project, String number, Instant createdAt, String id) {
        if (isOwned(number)) {
            throw new IllegalArgumentException(number + " is already owned by project " + ownerOfNumber.get(number));
        }
        String numberId = id != null ? id : newId();
        NumberStock.Offer offer = stock.offer(number).orElseGet(() -> NumberStock.outsideStock(number));
        SwNumber owned = new SwNumber(numberId, project.register(numberId), createdAt,
                SwNumber.freshResource(numberId, offer, createdAt), null);
        put(project, owned);
        return owned;
    }

    /** Stores a number built elsewhere (state load). */
    void put(SwProject project, SwNumber number) {
        if (isOwned(number.number())) {
            throw new IllegalArgumentException(number.number() + " is owned twice");
        }
        project.numbers.put(number.id(), number);
        ownerOfNumber.put(number.number(), project.projectId);
        returnedToPool.remove(number.number());
    }

    /** Releases a number: gone from the project and its group, back on sale. */
    void release(SwProject project, SwNumber number) {
        project.numbers.remove(number.id());
        project.membershipOf(number.id()).ifPresent(m -> project.memberships.remove(m.id()));
        ownerOfNumber.remove(number.number());
        if (stock.offer(number.number()).isEmpty()) {
            returnedToPool.add(number.number());
        }
    }

    /** The number with its E911 state brought up to now. */
    SwNumber refreshed(SwProject project, SwNumber number) {
        String addressId = number.resource().path("e911_address_id").asText(null);
        number.refreshE911(now(), e911Delay, addressId != null && project.failingE911Addresses.contains(addressId));
        return number;
    }
}
