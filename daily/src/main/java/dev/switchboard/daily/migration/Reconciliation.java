package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What reading both domains says about a step whose outcome was unknown. */
sealed interface Reconciliation {
    /** The step's effect is visible; {@code data} holds what its DONE record needs (e.g. the new id). */
    record Applied(ObjectNode data) implements Reconciliation {
    }

    /** The effect is not visible: the step did not happen and may be performed. */
    record NotApplied() implements Reconciliation {
    }

    /** The state matches neither outcome (e.g. the number is in neither domain): a person must look. */
    record Unresolvable(String reason) implements Reconciliation {
    }
}
