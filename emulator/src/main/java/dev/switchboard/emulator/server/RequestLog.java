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

/** The most recent requests (at most {@link #CAPACITY}), oldest first. */
public final class RequestLog {
    public static final int CAPACITY = 100_000;
    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
    private long nextSeq = 1;

    public synchronized void record(Instant at, String method, String path, String query, int status,
                                    String credential, String fault, long micros) {
        if (entries.size() == CAPACITY) {
            entries.pollFirst();
        }
        entries.addLast(new RequestLogEntry(nextSeq++, at, method, path, query, status,
                fingerprint(credential), fault, micros));
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
