package dev.switchboard.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opening files a person hands us (plans, journals) with limits. The file type is checked <em>before</em>
 * the file is opened, because opening a FIFO blocks until a writer appears; the size is checked before and
 * enforced while reading, because devices and {@code /proc} files report a size of 0 and never end.
 */
public final class InputFiles {
    /** The largest plan file read (a pinless entry takes about 0.7 KB: some 90,000 entries). */
    public static final long MAX_PLAN_BYTES = 64L * 1024 * 1024;
    /** The deepest nesting of objects and arrays accepted in our JSON files (a plan needs 5). */
    public static final int MAX_JSON_DEPTH = Json.MAX_NESTING_DEPTH;

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is an existing, regular, readable file of at most {@code maxBytes}, without
     * opening it. {@code what} names it in messages ("plan", "journal").
     */
    public static BasicFileAttributes requireRegularFile(Path file, String what, long maxBytes)
            throws InputFileException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read " + what + " " + file + ": " + reason(e), e);
        }
        if (attributes.isDirectory()) {
            throw new InputFileException(file, what + " " + file + " is a directory, not a file", null);
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException(file, what + " " + file + " is not a regular file (a pipe, device or "
                    + "socket); give the path of a " + what + " file", null);
        }
        if (attributes.size() > maxBytes) {
            throw new InputFileException(file, what + " " + file + " is " + megabytes(attributes.size())
                    + ", larger than the limit of " + megabytes(maxBytes), null);
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(file, "cannot read " + what + " " + file + ": permission denied", null);
        }
        return attributes;
    }

    /** Opens {@code file} after {@link #requireRegularFile}; reading past {@code maxBytes} fails. */
    public static InputStream open(Path file, String what, long maxBytes) throws InputFileException {
        requireRegularFile(file, what, maxBytes);
        try {
            return new Capped(Files.newInputStream(file), file, what, maxBytes);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read " + what + " " + file + ": " + reason(e), e);
        }
    }

    /** Reads all of {@code file} (at most {@code maxBytes}) after {@link #requireRegularFile}. */
    public static byte[] readAllBytes(Path file, String what, long maxBytes) throws InputFileException {
        try (InputStream in = open(file, what, maxBytes)) {
            return in.readAllBytes();
        } catch (InputFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read " + what + " " + file + ": " + reason(e), e);
        }
    }

    /**
     * Parses {@code file} as one JSON value with the shared mapper (duplicate keys refused, nesting at most
     * {@link #MAX_JSON_DEPTH}). Syntax errors are left to the caller as {@link JsonProcessingException}, so
     * it can name the line; limits and I/O errors become an {@link InputFileException}.
     */
    public static JsonNode readJson(Path file, String what, long maxBytes) throws IOException {
        try (InputStream in = open(file, what, maxBytes)) {
            return Json.mapper().readTree(in);
        } catch (StreamConstraintsException e) {
            throw new InputFileException(file, what + " " + file + " is nested deeper than " + MAX_JSON_DEPTH
                    + " levels or holds an oversized value; it is not a " + what + " this tool wrote", e);
        } catch (JsonProcessingException | InputFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read " + what + " " + file + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof InputFileException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
    }

    /** Fails once more than {@code max} bytes have been read (a file growing, a device, a /proc file). */
    private static final class Capped extends FilterInputStream {
        private final Path file;
        private final String what;
        private final long max;
        private long count;

        Capped(InputStream in, Path file, String what, long max) {
            super(in);
            this.file = file;
            this.what = what;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(long n) throws InputFileException {
            count += n;
            if (count > max) {
                throw new InputFileException(file, what + " " + file + " is larger than the limit of "
                        + megabytes(max), null);
            }
        }
    }
}
