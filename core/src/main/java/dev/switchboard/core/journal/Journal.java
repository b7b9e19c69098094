package dev.switchboard.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.io.InputFiles;
import dev.switchboard.core.io.SecureFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
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
    /** The largest journal replayed: room for about 4 KB per entry (records, backups) for a 64 MB plan's entries. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private final Path path;
    private final Clock clock;
    private final JournalLock fileLock;
    private final FileChannel channel;
    private final long repairedBytes;

    /*
     * Group commit: appenders queue their encoded record under `lock`. If no flush is running, the
     * appender becomes the flusher: it takes the whole queue, writes and syncs it without holding
     * `lock`, then wakes every waiter at once. Waiters whose record was in that batch return; one of the
     * rest becomes the next flusher for everything queued meanwhile.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushDone = lock.newCondition();
    private long lastSeq;
    private ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private List<JournalRecord> pendingRecords = new ArrayList<>();
    private boolean flushing;
    private long durableSeq;
    private long syncs;
    private Exception failure;
    private boolean closed;
    private final List<JournalRecord> durable;
    /** The latest durable record per (entry, step), kept up to date so a view never replays the whole file. */
    private final Map<String, Map<String, JournalRecord>> latest = new LinkedHashMap<>();
    private Runnable beforeSync = () -> { };

    private Journal(Path path, Clock clock, JournalLock fileLock, FileChannel channel,
                    List<JournalRecord> replayed, long repairedBytes) {
        this.path = path;
        this.clock = clock;
        this.fileLock = fileLock;
        this.channel = channel;
        this.repairedBytes = repairedBytes;
        this.durable = new ArrayList<>(replayed);
        replayed.forEach(this::index);
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
        JournalLock fileLock = JournalLock.acquire(file);
        try {
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                SecureFiles.createNew(file, true).close();
                SecureFiles.syncDirectory(file.getParent());
            } else {
                InputFiles.requireRegularFile(file, "journal", MAX_BYTES);
                SecureFiles.ensureOwnerOnly(file);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                JournalCodec.Replay replay = JournalCodec.replay(
                        InputFiles.readAllBytes(file, "journal", MAX_BYTES), file.toString());
                long repaired = channel.size() - replay.validLength();
                if (repaired > 0) {
                    channel.truncate(replay.validLength());
                    channel.force(true);
                }
                channel.position(replay.validLength());
                return new Journal(file, clock, fileLock, channel, replay.records(), repaired);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            fileLock.close();
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
        lock.lock();
        try {
            if (closed) {
                throw new JournalException("journal " + path + " is closed");
            }
            throwIfFailed();
            JournalRecord record = new JournalRecord(lastSeq + 1, clock.instant(), entry, step, phase, copy);
            pendingBytes.writeBytes(JournalCodec.encode(record));
            pendingRecords.add(record);
            lastSeq = record.seq();
            awaitDurable(record.seq());
            return record;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once records up to {@code seq} are durable, flushing them itself if nobody else is. Holds {@link #lock}. */
    private void awaitDurable(long seq) {
        while (durableSeq < seq) {
            throwIfFailed();
            if (flushing) {
                flushDone.awaitUninterruptibly();
            } else {
                flushPending();
            }
        }
    }

    /** Takes the queue, writes and syncs it with {@link #lock} released, then wakes all waiters. */
    private void flushPending() {
        byte[] batch = pendingBytes.toByteArray();
        List<JournalRecord> batchRecords = pendingRecords;
        long upTo = lastSeq;
        pendingBytes = new ByteArrayOutputStream();
        pendingRecords = new ArrayList<>();
        flushing = true;
        Runnable hook = beforeSync;
        Exception error = null;
        lock.unlock();
        try {
            hook.run();
            ByteBuffer buffer = ByteBuffer.wrap(batch);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            error = e;
        } finally {
            lock.lock();
            flushing = false;
            if (error == null) {
                durable.addAll(batchRecords);
                batchRecords.forEach(this::index);
                durableSeq = upTo;
                syncs++;
            } else {
                failure = error;
            }
            flushDone.signalAll();
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new JournalException("could not make journal records durable in " + path
                    + "; it accepts no more records, reopen it to continue from what is on disk", failure);
        }
    }

    /** Every durable record, in file order. A snapshot. */
    public List<JournalRecord> records() {
        lock.lock();
        try {
            return List.copyOf(durable);
        } finally {
            lock.unlock();
        }
    }

    /** The per-entry, per-step summary of {@link #records()} that resume works from. A snapshot. */
    public JournalView view() {
        lock.lock();
        try {
            return JournalView.ofLatest(latest);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The view of one entry only (its steps' latest records; every other entry absent). A snapshot whose
     * cost does not grow with the journal, for work that looks at one entry at a time.
     */
    public JournalView view(String entry) {
        lock.lock();
        try {
            Map<String, JournalRecord> steps = latest.get(entry);
            return JournalView.ofLatest(steps == null ? Map.of() : Map.of(entry, steps));
        } finally {
            lock.unlock();
        }
    }

    /** Holds {@link #lock} (or runs in the constructor). */
    private void index(JournalRecord record) {
        latest.computeIfAbsent(record.entry(), e -> new LinkedHashMap<>()).put(record.step(), record);
    }

    /** The highest durable seq (0 for an empty journal). */
    public long lastSeq() {
        lock.lock();
        try {
            return durableSeq;
        } finally {
            lock.unlock();
        }
    }

    /** How many times records were synced to disk since open; under concurrent appends, fewer than the appends. */
    public long syncCount() {
        lock.lock();
        try {
            return syncs;
        } finally {
            lock.unlock();
        }
    }

    /** How many bytes of an incomplete last record {@link #open} cut off (0 if the file was clean). */
    public long repairedBytes() {
        return repairedBytes;
    }

    public Path path() {
        return path;
    }

    /** Records queued and not yet durable. Visible for group-commit tests. */
    int pendingCount() {
        lock.lock();
        try {
            return pendingRecords.size();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code hook} in the flushing thread before each batch is written. Visible for group-commit tests. */
    void beforeSyncForTests(Runnable hook) {
        lock.lock();
        try {
            beforeSync = Objects.requireNonNull(hook);
        } finally {
            lock.unlock();
        }
    }

    /** Makes queued records durable, closes the file and releases the lock. Idempotent. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (failure == null) {
                    awaitDurable(lastSeq);
                }
            } finally {
                try {
                    channel.close();
                } finally {
                    fileLock.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
