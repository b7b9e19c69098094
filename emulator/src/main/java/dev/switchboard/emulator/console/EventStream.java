package dev.switchboard.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.emulator.server.Json;
import dev.switchboard.emulator.server.RequestLog;
import dev.switchboard.emulator.server.RequestLogEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The console's Server-Sent Events stream on the JDK server: a chunked response per subscriber, fed from a bounded
 * queue so that publishing never blocks a request thread. Events: {@code request} (a request-log entry, with the
 * entry's sequence number as the event id so a reconnecting browser resumes where it left off) and
 * {@code changed} (something changed through the admin API: state, faults, clock, ...). A comment line goes
 * out after every quiet keep-alive interval, so proxies keep the stream open and a closed browser is noticed.
 */
final class EventStream implements AutoCloseable {
    /** Entries replayed to a new subscriber (without a Last-Event-ID, the most recent ones). */
    static final int BACKLOG = 200;
    private static final int QUEUE_LIMIT = 10_000;
    private static final Duration DRAIN = Duration.ofSeconds(1);
    private static final Frame CLOSE = new Frame(Long.MAX_VALUE, new byte[0]);

    /** One encoded event; {@code seq} is the request-log sequence number, {@link Long#MAX_VALUE} for others. */
    private record Frame(long seq, byte[] bytes) {
    }

    private final RequestLog log;
    private final Duration keepAlive;
    private final Set<BlockingQueue<Frame>> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    EventStream(RequestLog log, Duration keepAlive) {
        this.log = log;
        this.keepAlive = keepAlive;
        log.addListener(entry -> publish(requestFrame(entry)));
    }

    /** Tells every subscriber that {@code what} changed (a state load, a fault rule, the clock, ...). */
    void changed(String what) {
        publish(frame("changed", null, Json.object().put("what", what)));
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Streams events to one browser until it goes away or the stream is closed. Runs on the request's thread. */
    void serve(HttpExchange exchange) throws IOException {
        BlockingQueue<Frame> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
        subscribers.add(queue);
        try {
            if (closed) {
                return;
            }
            long lastSeen = lastEventId(exchange);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0); // chunked: the body has no length
            OutputStream out = exchange.getResponseBody();
            out.write(("retry: 1000\n\n").getBytes(StandardCharsets.US_ASCII));
            // Subscribed before the backlog is read, so nothing falls in between; duplicates are skipped by seq.
            for (RequestLogEntry entry : log.entriesAfter(lastSeen, BACKLOG)) {
                out.write(requestFrame(entry).bytes());
                lastSeen = entry.seq();
            }
            out.flush();
            pump(queue, out, lastSeen);
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                subscribers.remove(queue);
                notifyAll();
            }
        }
    }

    private void pump(BlockingQueue<Frame> queue, OutputStream out, long lastSeen) throws IOException,
            InterruptedException {
        while (!closed) {
            Frame frame = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == CLOSE) {
                return;
            }
            if (frame == null) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
            } else if (frame.seq() <= lastSeen) {
                continue; // already sent with the backlog
            } else {
                out.write(frame.bytes());
            }
            out.flush();
        }
    }

    /**
     * Ends every open stream and refuses new ones. Waits (at most {@link #DRAIN}) until each answer is finished
     * with its last chunk, so the browser sees a clean end rather than a connection cut by the server's stop.
     */
    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<Frame> queue : subscribers) {
            queue.clear();
            queue.offer(CLOSE);
        }
        long deadline = System.nanoTime() + DRAIN.toNanos();
        synchronized (this) {
            try {
                for (long left = DRAIN.toMillis(); !subscribers.isEmpty() && left > 0;
                     left = (deadline - System.nanoTime()) / 1_000_000) {
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void publish(Frame frame) {
        for (BlockingQueue<Frame> queue : subscribers) {
            if (!queue.offer(frame)) {
                // A browser this far behind reconnects and resumes from its Last-Event-ID.
                queue.clear();
                queue.offer(CLOSE);
            }
        }
    }

    private static Frame requestFrame(RequestLogEntry entry) {
        return frame("request", entry.seq(), entry.toJson());
    }

    private static Frame frame(String event, Long id, JsonNode data) {
        String text = "event: " + event + "\n" + (id == null ? "" : "id: " + id + "\n")
                + "data: " + new String(Json.bytes(data), StandardCharsets.UTF_8) + "\n\n";
        return new Frame(id == null ? Long.MAX_VALUE : id, text.getBytes(StandardCharsets.UTF_8));
    }

    private static long lastEventId(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
