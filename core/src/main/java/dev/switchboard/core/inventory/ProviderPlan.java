package dev.switchboard.core.inventory;

import java.util.List;

/** What one provider's planner found: the actions that make live match the file, in run order, and notes. */
public record ProviderPlan<A extends InventoryAction<?>>(List<A> actions, List<Note> notes) {
    public ProviderPlan {
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }

    /** Whether live differs from the file (an action to take, or a difference none can make). */
    public boolean drifted() {
        return !actions.isEmpty() || notes.stream().anyMatch(Note::isDrift);
    }
}
