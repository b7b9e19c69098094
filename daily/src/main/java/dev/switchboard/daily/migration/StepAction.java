package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.EntryState;
import dev.switchboard.core.engine.Verdict;
import dev.switchboard.core.http.ApiException;

/**
 * A migration {@link Step} of one entry as an engine {@link Action}: the step's records stay stateless and the
 * entry's working state ({@link EntryContext}: ids learned so far, the backup) travels with it.
 */
record StepAction(Step kind, EntryContext context) implements Action {
    @Override
    public String step() {
        return kind.name();
    }

    /** The ids the entry has so far, so a BEGIN record alone tells which number and config it was about. */
    @Override
    public ObjectNode beginData(EntryState state) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (context.newPhoneId != null) {
            data.put("new_phone_id", context.newPhoneId);
        }
        if (context.targetConfigId != null) {
            data.put("target_config_id", context.targetConfigId);
        }
        return data;
    }

    @Override
    public ObjectNode execute(EntryState state) {
        return kind.call(context);
    }

    @Override
    public Verdict reconcile(EntryState state) {
        return kind.reconcile(context);
    }

    /** Every failure but a step's own check is settled by reading both domains: a 4xx may follow a lost answer. */
    @Override
    public boolean ambiguous(RuntimeException failure) {
        return !(failure instanceof StepCheckException);
    }

    /** A failed step is performed again by a later run (after reading state, if it was ambiguous). */
    @Override
    public boolean retryableAfter(RuntimeException failure) {
        return true;
    }

    @Override
    public boolean retryInRun(ApiException failure) {
        return kind.retryAfterNotApplied(failure);
    }

    @Override
    public boolean reconcileFirst() {
        return kind.reconcileFirst();
    }

    @Override
    public boolean changesState() {
        return kind.changesState();
    }
}
