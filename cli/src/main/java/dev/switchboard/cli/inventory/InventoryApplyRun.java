package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;

import java.util.List;
import java.util.function.Function;

/**
 * Runs a plan's actions in order over the journal: each action is one entry ({@code <plan id>#<index>}) with
 * one step. An action already {@code DONE} is skipped; any other is first reconciled by reading
 * ({@link InventoryAction#isApplied}), so a crash between a create and its journal record never creates twice.
 * A destroy journals what it destroys (the fields as the plan shows them; secrets by name only) before it runs.
 * The run stops at the first failure: later actions may depend on it.
 *
 * <p>Written over core's journal until the shared engine ({@code dev.switchboard.core.engine}) lands; the actions
 * already have its shape (typed records with execute and reconcile-by-read).
 */
final class InventoryApplyRun {
    static final String STEP = "apply";

    /** How a run ended: actions done (run now or earlier), reconciled as already done, and the failure if any. */
    record Outcome(int done, int alreadyDone, int failedIndex, String failure, boolean unknown) {
        boolean complete() {
            return failedIndex < 0;
        }
    }

    interface Listener {
        void finished(int index, InventoryAction<?> action, String how);
    }

    private final Journal journal;
    private final String planId;
    private final SecretSource secrets;
    private final Function<InventoryAction<?>, Object> clients;

    InventoryApplyRun(Journal journal, String planId, SecretSource secrets, Function<InventoryAction<?>, Object> clients) {
        this.journal = journal;
        this.planId = planId;
        this.secrets = secrets;
        this.clients = clients;
    }

    static String entry(String planId, int index) {
        return planId + "#" + String.format("%04d", index);
    }

    Outcome run(List<InventoryAction<?>> actions, Listener listener) {
        JournalView view = journal.view();
        int done = 0;
        int already = 0;
        for (int i = 0; i < actions.size(); i++) {
            InventoryAction<?> action = actions.get(i);
            String entry = entry(planId, i);
            if (view.isDone(entry, STEP)) {
                already++;
                listener.finished(i, action, "done earlier");
                continue;
            }
            try {
                if (applied(action)) {
                    journal.append(entry, STEP, Phase.DONE, data(action).put("reconciled", true));
                    already++;
                    listener.finished(i, action, "already applied");
                    continue;
                }
                journal.append(entry, STEP, Phase.BEGIN, backup(action));
                execute(action);
                journal.append(entry, STEP, Phase.DONE, data(action));
                done++;
                listener.finished(i, action, "applied");
            } catch (UnknownOutcomeException unknown) {
                journal.append(entry, STEP, Phase.UNKNOWN, data(action));
                return new Outcome(done, already, i, action.address() + ": " + unknown.getMessage(), true);
            } catch (AuthenticationException rejected) {
                throw rejected;
            } catch (ApiException | IllegalStateException | IllegalArgumentException failed) {
                journal.append(entry, STEP, Phase.FAILED, data(action).put("error", String.valueOf(failed.getMessage())));
                return new Outcome(done, already, i, action.address() + ": " + failed.getMessage(), false);
            }
        }
        return new Outcome(done, already, -1, null, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean applied(InventoryAction action) {
        return action.isApplied(clients.apply(action), secrets);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void execute(InventoryAction action) {
        action.execute(clients.apply(action), secrets);
    }

    private static ObjectNode data(InventoryAction<?> action) {
        return JsonNodeFactory.instance.objectNode().put("address", action.address())
                .put("kind", action.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** For a destroy, what is destroyed (as the plan shows it), so it can be re-created by hand. */
    private static ObjectNode backup(InventoryAction<?> action) {
        ObjectNode data = data(action);
        if (PlanPrinter.isDestructive(action)) {
            ObjectNode before = data.putObject("before");
            for (FieldChange change : action.changes()) {
                if (change.before() != null) {
                    before.put(change.field(), change.before());
                }
            }
        }
        return data;
    }
}
