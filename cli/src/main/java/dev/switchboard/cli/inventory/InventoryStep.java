package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionFailedException;
import dev.switchboard.core.engine.EntryState;
import dev.switchboard.core.engine.Verdict;
import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.SecretSource;

import java.util.Locale;
import java.util.Optional;

/**
 * One inventory action as a step of the engine ({@code dev.switchboard.core.engine}): the typed action (a
 * {@code DailyAction} or {@code SignalWireAction} record) with the client and secrets it runs with, which the
 * plan file does not hold. Reconciles by reading, also before the first execute (a plan may be older than a
 * change someone made meanwhile), and journals what a destroy destroys as its backup.
 */
record InventoryStep<C>(String step, InventoryAction<C> action, C client, SecretSource secrets) implements Action {

    static <C> InventoryStep<C> of(int index, InventoryAction<C> action, C client, SecretSource secrets) {
        return new InventoryStep<>(String.format(Locale.ROOT, "%04d", index), action, client, secrets);
    }

    @Override
    public ObjectNode beginData(EntryState state) {
        return data();
    }

    @Override
    public ObjectNode execute(EntryState state) {
        try {
            action.execute(client, secrets);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // a missing secret, a rule the provider would refuse, a resource an earlier step should have made
            throw new ActionFailedException(action.address() + ": " + refused.getMessage());
        }
        return data();
    }

    @Override
    public Verdict reconcile(EntryState state) {
        return action.isApplied(client, secrets) ? new Verdict.Done(data()) : new Verdict.NotDone();
    }

    @Override
    public boolean reconcileFirst() {
        return true;
    }

    @Override
    public boolean retryableAfter(RuntimeException failure) {
        return true;
    }

    @Override
    public Optional<ObjectNode> backup(EntryState state) {
        if (!PlanPrinter.isDestructive(action)) {
            return Optional.empty();
        }
        ObjectNode backup = data();
        ObjectNode before = backup.putObject("before");
        for (FieldChange change : action.changes()) {
            if (change.before() != null) {
                before.put(change.field(), change.before());
            }
        }
        return Optional.of(backup);
    }

    private ObjectNode data() {
        return JsonNodeFactory.instance.objectNode().put("address", action.address())
                .put("kind", action.kind().name().toLowerCase(Locale.ROOT));
    }
}
