package dev.switchboard.core.engine;

import dev.switchboard.core.http.ApiError;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.ServerException;
import dev.switchboard.core.http.UnknownOutcomeException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider in memory: owned numbers and their names, call counts, and scripted faults per call. */
final class FakeWorld {
    /** What the next call of one kind on one number does. */
    enum Fault {
        /** Acts, then the answer is lost. */
        LOSE_ANSWER,
        /** Does not act, and the answer is lost. */
        LOST_BEFORE_ACTING,
        /** Refuses (422): does not act. */
        REFUSE,
        /** Busy (503 before acting): does not act. */
        BUSY,
        /** Wrong key. */
        REJECT_KEY
    }

    /** The name of a number someone else bought meanwhile. */
    static final String OTHER = "someone else";

    final Map<String, String> owned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    void fault(String kind, String number, Fault fault) {
        faults.put(kind + " " + number, fault);
    }

    int calls(String kind, String number) {
        return calls.getOrDefault(kind + " " + number, new AtomicInteger()).get();
    }

    String buy(String number) {
        act("buy", number, () -> {
            if (owned.putIfAbsent(number, number) != null) {
                throw new InvalidRequestException(error(422), null);
            }
        });
        return "id-" + number;
    }

    void rename(String number, String name) {
        act("rename", number, () -> owned.computeIfPresent(number, (n, old) -> name));
    }

    void release(String number) {
        act("release", number, () -> owned.remove(number));
    }

    Optional<String> name(String number) {
        return Optional.ofNullable(owned.get(number));
    }

    private void act(String kind, String number, Runnable effect) {
        calls.computeIfAbsent(kind + " " + number, k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.remove(kind + " " + number);
        if (fault == null) {
            effect.run();
            return;
        }
        switch (fault) {
            case LOSE_ANSWER -> {
                effect.run();
                throw new UnknownOutcomeException(error(0), new java.net.SocketTimeoutException());
            }
            case LOST_BEFORE_ACTING -> throw new UnknownOutcomeException(error(0), new java.net.SocketTimeoutException());
            case REFUSE -> throw new InvalidRequestException(error(422), null);
            case BUSY -> throw new ServerException(error(503), null);
            case REJECT_KEY -> throw new AuthenticationException(error(401), null);
            default -> throw new IllegalStateException();
        }
    }

    private static ApiError error(int status) {
        return new ApiError(status, null, null, "POST", "/numbers", false);
    }
}
