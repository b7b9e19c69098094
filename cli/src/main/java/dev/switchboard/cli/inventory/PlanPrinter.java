package dev.switchboard.cli.inventory;

import dev.switchboard.core.inventory.ChangeKind;
import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.Note;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a plan the way {@code terraform plan} does: one block per resource ({@code +} add, {@code ~} change,
 * {@code -} destroy, {@code -/+} replace) with the fields that change, the differences no action can make,
 * the unmanaged resources, and {@code Plan: N to add, M to change, K to destroy.}
 */
final class PlanPrinter {
    private PlanPrinter() {
    }

    record Counts(int add, int change, int destroy) {
        String summary() {
            return add + " to add, " + change + " to change, " + destroy + " to destroy";
        }
    }

    static Counts print(PrintWriter out, List<? extends InventoryAction<?>> actions, List<Note> notes) {
        int add = 0;
        int change = 0;
        int destroy = 0;
        for (InventoryAction<?> action : actions) {
            out.println("  " + action.kind().sign() + " " + action.address()
                    + (action.releasesNumber() ? "   (releases the number)" : ""));
            printChanges(out, action.changes());
            switch (action.kind()) {
                case ADD -> add++;
                case CHANGE -> change++;
                case DESTROY -> destroy++;
                case REPLACE -> {
                    add++;
                    destroy++;
                }
            }
        }
        List<Note> drift = notes.stream().filter(Note::isDrift).toList();
        if (!drift.isEmpty()) {
            out.println();
            out.println("Differences no action makes:");
            for (Note note : drift) {
                out.println("  ! " + note.address() + ": " + note.message());
                printChanges(out, note.changes());
            }
        }
        List<Note> unmanaged = notes.stream().filter(n -> !n.isDrift()).toList();
        if (!unmanaged.isEmpty()) {
            out.println();
            out.println("Unmanaged (live, not in the file; left alone):");
            unmanaged.forEach(note -> out.println("  . " + note.address()));
        }
        Counts counts = new Counts(add, change, destroy);
        out.println();
        if (!actions.isEmpty()) {
            out.println("Plan: " + counts.summary() + ".");
        } else if (drift.isEmpty()) {
            out.println("No changes. Live matches the file.");
        } else {
            out.println("No actions to take; " + (drift.size() == 1 ? "1 difference above needs"
                    : drift.size() + " differences above need") + " a hand.");
        }
        out.flush();
        return counts;
    }

    private static void printChanges(PrintWriter out, List<FieldChange> changes) {
        for (FieldChange change : changes) {
            if (change.before() == null) {
                out.println("      + " + change.field() + ": " + change.after());
            } else if (change.after() == null) {
                out.println("      - " + change.field() + ": " + change.before());
            } else {
                out.println("      ~ " + change.field() + ": " + change.before() + " -> " + change.after());
            }
        }
    }

    static boolean isDestructive(InventoryAction<?> action) {
        return action.kind() == ChangeKind.DESTROY || action.kind() == ChangeKind.REPLACE;
    }
}
