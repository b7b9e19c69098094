package dev.switchboard.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive OS lock on {@code <journal>.lock}, held while a {@link Journal} is open. The lock file
 * holds the owner's pid, for the error message of the next process that tries. The file is never
 * deleted: deleting a lock file races with a process that is about to lock it.
 *
 * <p>OS file locks are per process, and closing <em>any</em> descriptor of the file drops them. So an
 * open from this process is refused by an in-process registry before the lock file is touched.
 */
final class JournalLock implements AutoCloseable {
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static JournalLock acquire(Path journal) throws IOException {
        Path lockFile = journal.resolveSibling(journal.getFileName() + ".lock");
        Path key = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        if (!HELD_IN_THIS_PROCESS.add(key)) {
            throw new JournalLockedException("journal " + journal + " is already open in this process"
                    + " (pid " + ProcessHandle.current().pid() + "); close it before opening it again");
        }
        try {
            return lock(journal, lockFile, key);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(key);
            throw e;
        }
    }

    private static JournalLock lock(Path journal, Path lockFile, Path key) throws IOException {
        FileChannel channel = open(lockFile);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new JournalLockedException("journal " + journal + " is in use by another Switchboard process"
                        + holder(channel) + " (lock file " + lockFile + "); let it finish or stop it, then run again");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new JournalLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (lockFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(lockFile, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(lockFile, options);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d{1,10}") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD_IN_THIS_PROCESS.remove(key);
            }
        }
    }
}
