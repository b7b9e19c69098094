package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.UnknownOutcomeException;

import java.util.Optional;

/**
 * One journaled step of an entry of a {@link Engine} plan. A planner declares its actions as a sealed
 * interface extending this one, with one record per kind of action, so the set of things a plan can do is
 * closed and visible in one place.
 *
 * <p>The engine calls {@link #execute} at most once per run after a durable BEGIN record, and after an
 * ambiguous outcome asks {@link #reconcile} to read state instead of executing again: a buy, create or
 * transfer is never re-sent before reading says it did not happen.
 */
public interface Action {
    /** The journal step name: unique within the entry, stable across versions (journals resume by it). */
    String step();

    /** Data for the BEGIN record (e.g. the number about to be bought). Never a secret. */
    default ObjectNode beginData(EntryState state) {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Performs the step. Returns the data its DONE record keeps (ids later actions need). Throws
     * {@link UnknownOutcomeException} when the provider may or may not have acted; any other
     * {@link ApiException} or an {@link ActionFailedException} means it did not.
     */
    ObjectNode execute(EntryState state);

    /** Reads state (no writes) to decide whether an earlier, ambiguous execute took effect. */
    Verdict reconcile(EntryState state);

    /**
     * Whether a failure leaves the outcome unknown, so that state must be read before anything else. By
     * default an {@link UnknownOutcomeException} or anything that is not a provider's clean refusal.
     */
    default boolean ambiguous(RuntimeException failure) {
        return failure instanceof UnknownOutcomeException
                || !(failure instanceof ApiException || failure instanceof ActionFailedException);
    }

    /** Whether a clean failure may be tried again by a later run; a refusal (4xx) by default may not. */
    default boolean retryableAfter(RuntimeException failure) {
        return !(failure instanceof InvalidRequestException);
    }

    /**
     * Whether, within this run, an execute proven not applied may be sent again (with the engine's
     * backoff). Only for failures the provider is known to recover from, such as a busy answer.
     */
    default boolean retryInRun(ApiException failure) {
        return false;
    }

    /** Whether {@link #reconcile} runs before the first execute too (an effect someone else may have made). */
    default boolean reconcileFirst() {
        return false;
    }

    /** Whether the step writes: writes of an entry in flight go first, reads of it come after. */
    default boolean changesState() {
        return true;
    }

    /**
     * What the step destroys, read now, or empty when it destroys nothing. The engine journals it (durably,
     * once per step: the first backup is the state before any attempt) before the BEGIN record.
     */
    default Optional<ObjectNode> backup(EntryState state) {
        return Optional.empty();
    }

    /** The action that undoes this one once it is done (from its DONE data or its backup), if any. */
    default Optional<Action> inverse(EntryState state) {
        return Optional.empty();
    }
}
