package dev.switchboard.daily;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.EntryState;
import dev.switchboard.core.engine.Verdict;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one action of a Daily bulk purchase: buy a number (the one named, or one Daily picks). Its
 * reconciliation is the order's attribution rule ({@link BulkPurchase}), handed in by the planner.
 *
 * @param attempt  the journal entry of this attempt ({@code buy-0001}...)
 * @param answered told Daily's answer before the DONE record is written (the crash-test seam)
 */
record NumberPurchase(String attempt, DailyClient client, Optional<String> number,
                      Function<NumberPurchase, Verdict> attribution, Consumer<BoughtNumber> answered) implements Action {
    static final String STEP = "buy";

    NumberPurchase withAttribution(Function<NumberPurchase, Verdict> rule) {
        return new NumberPurchase(attempt, client, number, rule, answered);
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public ObjectNode beginData(EntryState state) {
        ObjectNode begin = JsonNodeFactory.instance.objectNode();
        number.ifPresent(n -> begin.put("number", n));
        return begin;
    }

    @Override
    public ObjectNode execute(EntryState state) {
        BoughtNumber bought = client.buyNumber(number);
        answered.accept(bought);
        return done(bought.id(), bought.number());
    }

    @Override
    public Verdict reconcile(EntryState state) {
        return attribution.apply(this);
    }

    static ObjectNode done(String id, String number) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("number", number).put("reconciled", false);
    }
}
