package dev.switchboard.core.inventory;

import java.util.List;

/**
 * One typed step of an inventory plan on a provider reached through {@code C} (its client). Each provider
 * declares its actions as a sealed family of records implementing this.
 *
 * <p>{@link #isApplied} reconciles by reading: apply asks it before running a step whose earlier attempt has
 * no recorded outcome (a crash, a timeout), so a non-idempotent call (buy, create) is never sent twice.
 */
public interface InventoryAction<C> {
    ChangeKind kind();

    /** What the action touches, e.g. {@code daily.dialin_configs["+14155550101"]}. */
    String address();

    /** The fields it changes, to show; empty when the address says it all. */
    List<FieldChange> changes();

    /** Whether the live state already shows this action's effect (one or more reads, never a write). */
    boolean isApplied(C client, SecretSource secrets);

    /** Performs the action (one or more writes). */
    void execute(C client, SecretSource secrets);

    /** Whether this action releases a number (apply names those before asking). */
    default boolean releasesNumber() {
        return false;
    }
}
