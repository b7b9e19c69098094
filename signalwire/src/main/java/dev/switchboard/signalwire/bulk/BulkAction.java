package dev.switchboard.signalwire.bulk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionFailedException;
import dev.switchboard.core.engine.EntryState;
import dev.switchboard.core.engine.Verdict;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.signalwire.NumberField;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.SignalWireClient;

/** What a SignalWire bulk plan can do to a number: buy it, name it, update it. */
sealed interface BulkAction extends Action {
    String PURCHASE = "purchase";
    String NAME = "name";
    String UPDATE = "update";

    static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * A PUT, safe to repeat: a failure is a clean one that a later run tries again, and a step left
     * ambiguous is sent again rather than reconciled.
     */
    sealed interface Put extends BulkAction permits Name, Update {
        @Override
        default Verdict reconcile(EntryState state) {
            return new Verdict.NotDone();
        }

        @Override
        default boolean ambiguous(RuntimeException failure) {
            return !(failure instanceof ApiException || failure instanceof ActionFailedException);
        }

        @Override
        default boolean retryableAfter(RuntimeException failure) {
            return true;
        }
    }

    /** Buys a number: never re-sent before listing the project's numbers says it was not bought. */
    record Purchase(SignalWireClient client, String number) implements BulkAction {
        @Override
        public String step() {
            return PURCHASE;
        }

        @Override
        public ObjectNode beginData(EntryState state) {
            return data().put("number", number);
        }

        @Override
        public ObjectNode execute(EntryState state) {
            return data().put("id", client.purchaseNumber(number).id());
        }

        @Override
        public Verdict reconcile(EntryState state) {
            return client.findNumber(number).<Verdict>map(owned -> new Verdict.Done(data().put("id", owned.id())))
                    .orElse(new Verdict.NotDone());
        }
    }

    /** Names a bought number (a PUT, safe to repeat); the id comes from the purchase's DONE record. */
    record Name(SignalWireClient client, String name) implements Put {
        @Override
        public String step() {
            return NAME;
        }

        @Override
        public ObjectNode beginData(EntryState state) {
            return data().put("id", id(state));
        }

        @Override
        public ObjectNode execute(EntryState state) {
            client.updateNumber(id(state), PhoneNumberUpdate.empty().with(NumberField.NAME, name));
            return data().put("id", id(state));
        }

        static String id(EntryState state) {
            return state.done(PURCHASE).map(d -> d.path("id").asText()).orElseThrow();
        }
    }

    /** Applies the planned changes to one number (a PUT, safe to repeat). */
    record Update(SignalWireClient client, PlannedUpdate planned) implements Put {
        @Override
        public String step() {
            return UPDATE;
        }

        @Override
        public ObjectNode execute(EntryState state) {
            try {
                client.updateNumber(planned.numberId(), PhoneNumberUpdate.fromWire(planned.changes()));
            } catch (NotFoundException gone) {
                throw new ActionFailedException("the number is no longer in the project");
            }
            return data();
        }
    }
}
