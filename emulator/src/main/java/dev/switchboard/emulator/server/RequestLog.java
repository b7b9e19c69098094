package dev.switchboard.emulator.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The most recent requests (at most {@link #CAPACITY}), oldest first. */
public final class RequestLog {
    public static final int CAPACITY = 100_000;
    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
    private final List<Consumer<RequestLogEntry>> listeners = new CopyOnWriteArrayList<>();
    private long nextSeq = 1;

    public synchronized void record(Instant at, String method, String path, String query, int status,
                                    String credential, String fault, long micros) {
        if (entries.size() == CAPACITY) {
            entries.pollFirst();
        }
        RequestLogEntry entry = new RequestLogEntry(nextSeq++, at, method, path, query, status,
                fingerprint(credential), fault, micros);
        entries.addLast(entry);
        // Under the lock, so listeners see entries in sequence order; they must not block.
        listeners.forEach(listener -> listener.accept(entry));
    }

    /** Calls {@code listener} with every entry recorded from now on, in order, on the recording thread. */
    public void addListener(Consumer<RequestLogEntry> listener) {
        listeners.add(listener);
    }

    /** The entries after sequence number {@code seq}, at most the last {@code limit} of them, oldest first. */
    public synchronized List<RequestLogEntry> entriesAfter(long seq, int limit) {
        List<RequestLogEntry> result = new ArrayList<>();
        for (var it = entries.descendingIterator(); it.hasNext() && result.size() < limit; ) {
            RequestLogEntry entry = it.next();
            if (entry.seq() <= seq) {
                break;
            }
            result.add(0, entry);
        }
        return result;
    }

    public synchronized List<RequestLogEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** A short, stable, non-reversible tag for a key, so logs can tell keys apart without holding them. */
    public static String fingerprint(String credential) {
        if (credential == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
