package dev.switchboard.core.io;

import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Atomic, durable file writes, optionally owner-only (0600) for files that hold secrets.
 *
 * <p>A write goes to a temporary file in the target's directory, is flushed to disk, then renamed over
 * the target, and the directory is flushed too where the platform allows. A reader (or a crash) sees the
 * old content or the new content, never a mix. An owner-only file is created with mode 0600 from the
 * start, so the secret is never readable by others, not even for an instant. On file systems without
 * POSIX permissions the owner-only request is not enforceable and is skipped.
 */
public final class SecureFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Narrowed by the process umask at creation, as for any new file. */
    private static final Set<PosixFilePermission> DEFAULT = PosixFilePermissions.fromString("rw-rw-rw-");

    private SecureFiles() {
    }

    /** Replaces {@code target} with {@code content}, atomically and durably. */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = createNew(temp, ownerOnly)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(directory);
    }

    /** {@link #write(Path, byte[], boolean)} for UTF-8 text. */
    public static void writeString(Path target, String content, boolean ownerOnly) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), ownerOnly);
    }

    /**
     * Writes {@code value} (a {@code JsonNode}, a record, a map...) as pretty JSON with the shared
     * {@link Json#mapper()}, ending with a newline, atomically.
     */
    public static void writeJson(Path target, Object value, boolean ownerOnly) throws IOException {
        byte[] json = Json.mapper().writeValueAsBytes(value);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        write(target, withNewline, ownerOnly);
    }

    /**
     * Sets an existing file to owner read/write only (0600). No effect where POSIX permissions are not
     * supported.
     */
    public static void ensureOwnerOnly(Path file) throws IOException {
        if (supportsPosix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** Whether only the owner has any permission on {@code file} (always true without POSIX permissions). */
    public static boolean isOwnerOnly(Path file) throws IOException {
        if (!supportsPosix(file)) {
            return true;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    }

    /**
     * Creates a new, empty file (failing if it exists) with owner-only permissions from the start when
     * {@code ownerOnly}, and returns a channel open with {@code options} in addition to create-new/write.
     */
    public static FileChannel createNew(Path file, boolean ownerOnly, OpenOption... options) throws IOException {
        Set<OpenOption> all = new HashSet<>(Set.of(options));
        all.add(StandardOpenOption.CREATE_NEW);
        all.add(StandardOpenOption.WRITE);
        if (!supportsPosix(file)) {
            return FileChannel.open(file, all);
        }
        FileAttribute<Set<PosixFilePermission>> mode =
                PosixFilePermissions.asFileAttribute(ownerOnly ? OWNER_ONLY : DEFAULT);
        return FileChannel.open(file, all, mode);
    }

    /**
     * Flushes a directory's entries (a new or renamed file's name) to disk. Best effort: some platforms
     * cannot open a directory for syncing, and then this does nothing.
     */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on this platform (e.g. Windows); the rename itself is still atomic.
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
