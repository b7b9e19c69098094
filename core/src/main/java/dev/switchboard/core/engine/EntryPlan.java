package dev.switchboard.core.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a plan: its journal key and its actions, run in order by one worker (an entry's actions
 * depend on each other; entries do not). {@code subject} is what the planner shows for the entry (a
 * number, a plan entry) and is handed back in reports.
 */
public record EntryPlan<S>(String key, S subject, List<? extends Action> actions) {
    public EntryPlan {
        Objects.requireNonNull(key, "key");
        actions = List.copyOf(actions);
        Set<String> steps = new HashSet<>();
        for (Action action : actions) {
            if (!steps.add(action.step()) || Engine.RESERVED_STEPS.contains(action.step())
                    || action.step().endsWith(Engine.BACKUP_SUFFIX)) {
                throw new IllegalArgumentException("entry " + key + ": step name '" + action.step()
                        + "' is repeated or reserved");
            }
        }
    }
}
