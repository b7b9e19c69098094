package dev.switchboard.cli.rehearsal;

import dev.switchboard.core.io.SecureFiles;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a snapshot: the state document to {@code FILE} and the fake credentials that open it, as a {@code .env}
 * snippet, to {@code FILE.env}; both owner-only (0600) from the moment they are created, since the document holds
 * hmacs and the snippet keys to them.
 */
final class SnapshotFiles {
    /** Where {@code switchboard emulator} listens by default. */
    static final URI DEFAULT_EMULATOR = URI.create("http://127.0.0.1:8750");

    private SnapshotFiles() {
    }

    static Path envFileFor(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".env");
    }

    static void write(Path stateFile, Snapshot snapshot) throws IOException {
        SecureFiles.writeJson(stateFile, snapshot.state(), true);
        StringBuilder env = new StringBuilder("# Fake credentials of the emulated copy in ").append(stateFile.getFileName())
                .append(" (not the real keys). Serve it with: switchboard emulator --state ")
                .append(stateFile.getFileName()).append('\n')
                .append("# The URLs assume the emulator's default port 8750; change them for --port.\n");
        Map<String, String> values = snapshot.environment(DEFAULT_EMULATOR.resolve("/v1"), DEFAULT_EMULATOR);
        values.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
        SecureFiles.writeString(envFileFor(stateFile), env.toString(), true);
    }
}
