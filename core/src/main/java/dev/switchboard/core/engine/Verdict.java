package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What reading state says about an action whose outcome is unknown. The engine asks for it instead of
 * sending a non-idempotent request again: only {@link NotDone} lets the action be executed (again).
 */
public sealed interface Verdict {
    /** The action's effect is visible; {@code data} is what its DONE record keeps (e.g. the new id). */
    record Done(ObjectNode data) implements Verdict {
    }

    /** The effect is not visible: the action did not happen and may be executed. */
    record NotDone() implements Verdict {
    }

    /** The state explains neither outcome (e.g. someone else changed it meanwhile): a person must look. */
    record Conflict(String reason) implements Verdict {
    }
}
