package dev.switchboard.core.http;

import java.util.Objects;

/**
 * How urgently the current thread's requests need a {@link RateBudget} permit. When several threads wait
 * on one budget, the next permit goes to the highest priority, first come first served within one
 * priority. A migration uses it so that requests finishing an entry that has already started (its number
 * may be without routing until they are done) are not queued behind the first requests of new entries.
 *
 * <p>The priority is a property of the calling thread, set for a block with {@link #enter()}, so a
 * client's methods need no extra parameter. Threads that never set one run at {@link #NORMAL}.
 */
public enum RequestPriority {
    /** Work that must finish quickly, e.g. the steps between a number's transfer and its new config. */
    HIGH,
    /** Everything not marked otherwise. */
    NORMAL,
    /** Work that can wait, e.g. the first request of an entry that has not started yet. */
    LOW;

    private static final ThreadLocal<RequestPriority> CURRENT = ThreadLocal.withInitial(() -> NORMAL);

    /** The calling thread's priority ({@link #NORMAL} unless inside {@link #enter()}). */
    public static RequestPriority current() {
        return CURRENT.get();
    }

    /**
     * Makes this the calling thread's priority until the returned scope is closed, which restores the
     * previous one. Use with try-with-resources, on the same thread.
     */
    public Scope enter() {
        RequestPriority previous = CURRENT.get();
        CURRENT.set(this);
        return new Scope(previous);
    }

    /** Restores the priority that was in force before {@link #enter()}. */
    public static final class Scope implements AutoCloseable {
        private final RequestPriority previous;

        private Scope(RequestPriority previous) {
            this.previous = Objects.requireNonNull(previous);
        }

        @Override
        public void close() {
            CURRENT.set(previous);
        }
    }
}
