package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.io.InputFiles;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.PlanChanges;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code transfer status --restore-plan}: puts the journal's copy of every started entry back into the plan
 * file, keeping the file as it was in {@code <plan>.edited}. Works on an edited, invalid or missing plan:
 * the file is read as plain JSON (a regular file within {@link InputFiles#MAX_PLAN_BYTES}), or not at all.
 */
final class PlanRestore {

    /** What was done: the number of entries put back, and where the previous file went (empty if none). */
    record Result(int restored, Optional<Path> keptAs) {
    }

    private PlanRestore() {
    }

    static Result restore(Path planFile) throws IOException {
        JournalView view = MigrationEngine.readView(MigrationEngine.journalFor(planFile));
        JsonNode current = readLeniently(planFile);
        ObjectNode restored = PlanChanges.restored(current, view);
        if (current != null && current.equals(restored)) {
            return new Result(0, Optional.empty());
        }
        int changed = countChanged(current, restored);
        Optional<Path> keptAs = Optional.empty();
        if (Files.isRegularFile(planFile)) {
            // Moved, not copied: the file may be larger than any plan we would read into memory.
            Path edited = planFile.resolveSibling(planFile.getFileName() + ".edited");
            Files.move(planFile, edited, StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.ensureOwnerOnly(edited);
            keptAs = Optional.of(edited);
        }
        SecureFiles.writeJson(planFile, restored, true);
        return new Result(changed, keptAs);
    }

    private static int countChanged(JsonNode current, ObjectNode restored) {
        JsonNode before = current == null ? null : current.has("format") ? current.get("entries") : current;
        int changed = 0;
        for (var field : restored.path("entries").properties()) {
            if (before == null || !field.getValue().equals(before.get(field.getKey()))) {
                changed++;
            }
        }
        return changed;
    }

    private static JsonNode readLeniently(Path file) {
        try {
            return InputFiles.readJson(file, "plan", InputFiles.MAX_PLAN_BYTES);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
