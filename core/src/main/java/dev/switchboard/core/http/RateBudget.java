package dev.switchboard.core.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client-side request budget for one credential. Callers take a {@link Permit} per request with
 * {@link #acquire()} and close it when the answer (or the failure) is in. Thread-safe.
 *
 * <h2>What a permit waits for</h2>
 * <ul>
 *   <li><b>Every window holds at the server.</b> The provider counts a request when it <em>arrives</em>;
 *       the client only knows when it left and when its answer came back, and a request that left later
 *       can arrive earlier. So a request counts against every window from the moment it is granted until
 *       one window length after its permit was closed: whatever the transit times, no window of the
 *       provider's can then see more requests than its permits. On a fast link this costs almost nothing;
 *       the cost grows with latency, never with a guessed margin.</li>
 *   <li><b>Pacing that uses every window to its limit.</b> Half of the shortest window may go at once (a
 *       burst of 10 for 20 per second), the rest evenly spaced at the sustained rate the windows allow (one
 *       every 50 ms); whenever a window slides far enough, the burst is available again. So every window
 *       is filled (20 in each second, 100 in each 5 s), and a run of N requests ends about half a window
 *       before N ÷ rate. A whole window at once would end a run a little earlier, but then a request
 *       arriving just after the burst (e.g. the one finishing an entry whose first request was in it)
 *       would wait almost a whole window; with half, the other half is granted evenly spaced, most urgent
 *       waiter first, so no waiter stalls for more than half a window.</li>
 *   <li><b>Priority.</b> The next grant goes to the waiter with the highest {@link RequestPriority} (the
 *       calling thread's), first come first served within one priority.</li>
 *   <li><b>Slowing down on 429.</b> {@link #rateLimited(Duration)} pauses every caller for the provider's
 *       {@code Retry-After} (or a backoff) and lowers the pace to 80% of what it was; the pace recovers
 *       linearly (2% of the full rate per second) while no further 429 comes. No burst follows a pause.</li>
 * </ul>
 * Only the waiter at the head of the queue sleeps; the others are parked until it is served.
 */
public final class RateBudget {
    private static final long BLOCKED = Long.MAX_VALUE;
    private static final double SLOWDOWN = 0.8;
    private static final double SLOWEST = 0.1;
    private static final double RECOVERY_PER_SECOND = 0.02;
    /** The share of the shortest window that may be granted at once. */
    private static final int BURST_DIVISOR = 2;

    private final RateLimits limits;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(
            Comparator.comparingInt(Waiter::rank).thenComparingLong(Waiter::seq));
    private final long[] windowNanos;
    private final int[] windowPermits;
    private final long longestWindow;
    private final long spacingNanos;
    private final long burstNanos;
    /** Close times of permits still inside the longest window, oldest first. */
    private final ArrayDeque<Long> closed = new ArrayDeque<>();
    private int inFlight;
    private long nextWaiterSeq;
    /** The pacing schedule: the time the next grant is due when the budget is fully used (GCRA). */
    private long paceDue;
    private long pausedUntil;
    private double paceAfterLast429 = 1.0;
    private long last429;
    private long latencyNanos = -1;

    public RateBudget(RateLimits limits, Ticker ticker, Sleeper sleeper) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        List<RateLimits.Window> windows = limits.windows();
        this.windowNanos = new long[windows.size()];
        this.windowPermits = new int[windows.size()];
        long longest = 0;
        long spacing = 0;
        int fewestPermits = Integer.MAX_VALUE;
        for (int i = 0; i < windowNanos.length; i++) {
            windowNanos[i] = windows.get(i).length().toNanos();
            windowPermits[i] = windows.get(i).permits();
            longest = Math.max(longest, windowNanos[i]);
            spacing = Math.max(spacing, windowNanos[i] / windowPermits[i]);
            fewestPermits = Math.min(fewestPermits, windowPermits[i]);
        }
        this.longestWindow = longest;
        this.spacingNanos = spacing;
        this.burstNanos = windowNanos.length == 0 ? 0 : (Math.max(1, fewestPermits / BURST_DIVISOR) - 1) * spacing;
        long now = ticker.nanos();
        this.paceDue = now;
        this.pausedUntil = now;
        this.last429 = now;
    }

    /** A budget on the system clock. */
    public RateBudget(RateLimits limits) {
        this(limits, Ticker.system(), Sleeper.system());
    }

    public static RateBudget unlimited() {
        return new RateBudget(RateLimits.unlimited());
    }

    public RateLimits limits() {
        return limits;
    }

    /** The sustained rate the windows allow, in requests per second (infinite when unlimited). */
    public double sustainedRate() {
        return spacingNanos == 0 ? Double.POSITIVE_INFINITY : 1e9 / spacingNanos;
    }

    /** {@link #acquire(RequestPriority)} at the calling thread's {@link RequestPriority#current() priority}. */
    public Permit acquire() throws InterruptedException {
        return acquire(RequestPriority.current());
    }

    /**
     * Blocks until this caller is the most urgent waiter and a request may be sent under every window, the
     * pacing and any pause. Close the permit once the request has been answered or has failed.
     */
    public Permit acquire(RequestPriority priority) throws InterruptedException {
        Objects.requireNonNull(priority, "priority");
        lock.lockInterruptibly();
        Waiter me = new Waiter(priority.ordinal(), nextWaiterSeq++);
        waiting.add(me);
        boolean granted = false;
        boolean paused = false;
        try {
            while (true) {
                if (waiting.peek() != me) {
                    changed.await();
                    continue;
                }
                long now = ticker.nanos();
                long ready = readyAt(now);
                if (ready != BLOCKED && ready - now <= 0) {
                    waiting.poll();
                    granted = true;
                    grant(now, paused);
                    changed.signalAll();
                    return new Permit(now);
                }
                paused |= pausedUntil - now > 0;
                if (ready == BLOCKED) {
                    changed.await();
                } else {
                    lock.unlock();
                    try {
                        sleeper.sleep(Duration.ofNanos(ready - now));
                    } finally {
                        lock.lock();
                    }
                }
            }
        } finally {
            if (!granted) {
                waiting.remove(me);
                changed.signalAll();
            }
            lock.unlock();
        }
    }

    /**
     * Stops every caller of this budget from starting a request for {@code duration} from now (a pause
     * already running longer is kept).
     */
    public void pause(Duration duration) {
        lock.lock();
        try {
            long until = ticker.nanos() + Math.max(0, duration.toNanos());
            if (until - pausedUntil > 0) {
                pausedUntil = until;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The provider answered 429: {@link #pause} for {@code duration} and lower the pace (see the class comment). */
    public void rateLimited(Duration duration) {
        lock.lock();
        try {
            long now = ticker.nanos();
            paceAfterLast429 = Math.max(SLOWEST, paceFactor(now) * SLOWDOWN);
            last429 = now;
        } finally {
            lock.unlock();
        }
        pause(duration);
    }

    /** How long the current pause still runs; zero when none. */
    public Duration remainingPause() {
        lock.lock();
        try {
            long left = pausedUntil - ticker.nanos();
            return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
        } finally {
            lock.unlock();
        }
    }

    /** The share of the sustained rate the pace allows now: 1 unless a recent 429 slowed it down. */
    public double pace() {
        lock.lock();
        try {
            return paceFactor(ticker.nanos());
        } finally {
            lock.unlock();
        }
    }

    /** A moving average of how long permits were held (a request's round trip); empty before the first closes. */
    public Optional<Duration> typicalLatency() {
        lock.lock();
        try {
            return latencyNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(latencyNanos));
        } finally {
            lock.unlock();
        }
    }

    /** Waiters right now (for tests that need to know a thread is queued). */
    int waiters() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private double paceFactor(long now) {
        double recovered = RECOVERY_PER_SECOND * Math.max(0, now - last429) / 1e9;
        return Math.min(1.0, paceAfterLast429 + recovered);
    }

    /** When the head waiter may be granted, or {@link #BLOCKED} until a permit closes. Holds the lock. */
    private long readyAt(long now) {
        long ready = Math.max(now, pausedUntil);
        if (windowNanos.length == 0) {
            return ready;
        }
        ready = Math.max(ready, paceDue - burstNanos);
        dropExpired(now);
        for (int i = 0; i < windowNanos.length; i++) {
            long free = windowFreeAt(i, now);
            if (free == BLOCKED) {
                return BLOCKED;
            }
            ready = Math.max(ready, free);
        }
        return ready;
    }

    /**
     * When window {@code i} has room for one more: permits in flight count, closed ones until a window
     * length after they closed. With {@code need} = permits - in flight, the window is full while the
     * {@code need}-th newest close is still inside it, and frees when that close leaves.
     */
    private long windowFreeAt(int i, long now) {
        int need = windowPermits[i] - inFlight;
        if (need <= 0) {
            return BLOCKED;
        }
        long start = now - windowNanos[i];
        int counted = 0;
        for (Iterator<Long> it = closed.descendingIterator(); it.hasNext(); ) {
            long at = it.next();
            if (at - start <= 0) {
                break;
            }
            if (++counted == need) {
                return at + windowNanos[i];
            }
        }
        return now;
    }

    private void dropExpired(long now) {
        while (!closed.isEmpty() && now - closed.peekFirst() >= longestWindow) {
            closed.pollFirst();
        }
    }

    /**
     * Counts the grant and moves the pacing schedule on. A head that waited out a pause (after a 429) gets
     * no burst credit from the wait: the provider asked for less, not for a burst.
     */
    private void grant(long now, boolean afterPause) {
        inFlight++;
        if (spacingNanos > 0) {
            long spacing = (long) (spacingNanos / paceFactor(now));
            long from = afterPause ? Math.max(paceDue, now + burstNanos) : Math.max(paceDue, now);
            paceDue = from + spacing;
        }
    }

    private void close(long grantedAt) {
        lock.lock();
        try {
            long now = ticker.nanos();
            inFlight--;
            if (windowNanos.length > 0) {
                closed.addLast(now);
                dropExpired(now);
            }
            long held = Math.max(0, now - grantedAt);
            latencyNanos = latencyNanos < 0 ? held : (latencyNanos * 4 + held) / 5;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private record Waiter(int rank, long seq) {
    }

    /**
     * The right to send one request. Close it when the answer (or a failure) is in: until then the request
     * counts as in flight in every window. Closing twice has no further effect.
     */
    public final class Permit implements AutoCloseable {
        private final long grantedAt;
        private boolean open = true;

        private Permit(long grantedAt) {
            this.grantedAt = grantedAt;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (!open) {
                    return;
                }
                open = false;
            }
            RateBudget.this.close(grantedAt);
        }
    }
}
