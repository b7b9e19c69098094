package dev.switchboard.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.io.SecureFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A crash-safe, append-only journal of JSON lines (see {@link JournalRecord} for one line).
 *
 * <p><b>Durability.</b> {@link #append} returns only once the record is on disk ({@code fsync}). Appends
 * from many threads are group-committed: while one thread flushes, others queue their records, and the
 * next flush writes and syncs all of them at once, so throughput grows with the number of appenders.
 *
 * <p><b>Recovery.</b> {@link #open} replays the file. If the process died in the middle of a write, the
 * incomplete last line (never acknowledged) is cut off and reported by {@link #repairedBytes()}. Damage
 * anywhere else is a {@link JournalCorruptedException}: the journal is not silently shortened.
 *
 * <p><b>Exclusivity.</b> An OS lock on {@code <file>.lock} is held while open; a second opener, in this
 * process or another, gets a {@link JournalLockedException}. The journal file is owner-only (0600),
 * because {@code data} may hold secrets.
 *
 * <p>Thread-safe. If a write or sync fails the journal stops accepting records (what reached the disk is
 * unknown); reopen it to continue from what is durable.
 */
public final class Journal implements AutoCloseable {
    private final Path path;
    private final Clock clock;
    private final JournalLock lock;
    private final FileChannel channel;
    private final long repairedBytes;

    /** Guards seq assignment, the pending batch and {@code closed}. */
    private final Object appendLock = new Object();
    private long lastSeq;
    private ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private List<JournalRecord> pendingRecords = new ArrayList<>();
    private boolean closed;

    /** Held by the one thread writing and syncing a batch. */
    private final ReentrantLock commitLock = new ReentrantLock();
    private volatile long durableSeq;
    private volatile IOException failure;

    /** Guarded by itself. */
    private final List<JournalRecord> durable;

    private Journal(Path path, Clock clock, JournalLock lock, FileChannel channel,
                    List<JournalRecord> replayed, long repairedBytes) {
        this.path = path;
        this.clock = clock;
        this.lock = lock;
        this.channel = channel;
        this.repairedBytes = repairedBytes;
        this.durable = new ArrayList<>(replayed);
        this.lastSeq = replayed.size();
        this.durableSeq = lastSeq;
    }

    /** Opens (or creates) the journal at {@code path}, timestamps from the system UTC clock. */
    public static Journal open(Path path) throws IOException {
        return open(path, Clock.systemUTC());
    }

    /**
     * Opens (or creates) the journal at {@code path}, locks it, and replays it.
     *
     * @throws JournalLockedException     when another process (or another open Journal) holds it
     * @throws JournalCorruptedException  when a line other than an incomplete last one is damaged
     */
    public static Journal open(Path path, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        Path file = path.toAbsolutePath();
        Files.createDirectories(file.getParent());
        JournalLock lock = JournalLock.acquire(file);
        try {
            if (Files.notExists(file)) {
                SecureFiles.createNew(file, true).close();
                SecureFiles.syncDirectory(file.getParent());
            } else {
                SecureFiles.ensureOwnerOnly(file);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                JournalCodec.Replay replay = JournalCodec.replay(Files.readAllBytes(file), file.toString());
                long repaired = channel.size() - replay.validLength();
                if (repaired > 0) {
                    channel.truncate(replay.validLength());
                    channel.force(true);
                }
                channel.position(replay.validLength());
                return new Journal(file, clock, lock, channel, replay.records(), repaired);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** {@link #append(String, String, Phase, JsonNode)} with empty data. */
    public JournalRecord append(String entry, String step, Phase phase) {
        return append(entry, step, phase, JsonNodeFactory.instance.objectNode());
    }

    /**
     * Records that {@code step} of {@code entry} reached {@code phase}, and returns once it is durable.
     * {@code data} is copied.
     *
     * @throws JournalException when the journal is closed or the record could not be made durable
     */
    public JournalRecord append(String entry, String step, Phase phase, JsonNode data) {
        JournalRecord.requireName(entry, "entry");
        JournalRecord.requireName(step, "step");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(data, "data");
        JsonNode copy = data.deepCopy();
        JournalRecord record;
        synchronized (appendLock) {
            if (closed) {
                throw new JournalException("journal " + path + " is closed");
            }
            throwIfFailed();
            record = new JournalRecord(lastSeq + 1, clock.instant(), entry, step, phase, copy);
            pendingBytes.writeBytes(JournalCodec.encode(record));
            pendingRecords.add(record);
            lastSeq = record.seq();
        }
        awaitDurable(record.seq());
        return record;
    }

    private void awaitDurable(long seq) {
        commitLock.lock();
        try {
            if (durableSeq >= seq) {
                return; // another thread's batch included this record
            }
            throwIfFailed();
            commitPending();
        } finally {
            commitLock.unlock();
        }
    }

    /** Writes and syncs everything queued so far. Caller holds {@link #commitLock}. */
    private void commitPending() {
        byte[] batch;
        List<JournalRecord> batchRecords;
        long upTo;
        synchronized (appendLock) {
            batch = pendingBytes.toByteArray();
            batchRecords = pendingRecords;
            upTo = lastSeq;
            pendingBytes = new ByteArrayOutputStream();
            pendingRecords = new ArrayList<>();
        }
        if (batchRecords.isEmpty()) {
            return;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(batch);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            failure = e;
            throw new JournalException("could not make journal records durable in " + path
                    + "; reopen the journal to continue from what is on disk", e);
        }
        synchronized (durable) {
            durable.addAll(batchRecords);
        }
        durableSeq = upTo;
    }

    private void throwIfFailed() {
        IOException failed = failure;
        if (failed != null) {
            throw new JournalException("journal " + path + " failed earlier and accepts no more records; reopen it", failed);
        }
    }

    /** Every durable record, in file order. A snapshot. */
    public List<JournalRecord> records() {
        synchronized (durable) {
            return List.copyOf(durable);
        }
    }

    /** The per-entry, per-step summary of {@link #records()} that resume works from. */
    public JournalView view() {
        return JournalView.of(records());
    }

    /** The highest durable seq (0 for an empty journal). */
    public long lastSeq() {
        return durableSeq;
    }

    /** How many bytes of an incomplete last record {@link #open} cut off (0 if the file was clean). */
    public long repairedBytes() {
        return repairedBytes;
    }

    public Path path() {
        return path;
    }

    /** Flushes records still queued, closes the file and releases the lock. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        commitLock.lock();
        try {
            if (failure == null) {
                commitPending();
            }
        } finally {
            commitLock.unlock();
            try {
                channel.close();
            } finally {
                lock.close();
            }
        }
    }
}
