package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.core.http.ServerException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The engine tests' closed action set over a {@link FakeWorld}: buy (non-idempotent), rename (destroys a name), release. */
sealed interface FakeAction extends Action {
    /** Where each action ran at which request priority ("execute buy +1555..." → LOW). */
    Map<String, RequestPriority> PRIORITIES = new ConcurrentHashMap<>();

    static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Buys a number; undone by releasing it. */
    record Buy(FakeWorld world, String number) implements FakeAction {
        @Override
        public String step() {
            return "buy";
        }

        @Override
        public ObjectNode beginData(EntryState state) {
            return data().put("number", number);
        }

        @Override
        public ObjectNode execute(EntryState state) {
            PRIORITIES.put("execute buy " + number, RequestPriority.current());
            return data().put("id", world.buy(number));
        }

        @Override
        public Verdict reconcile(EntryState state) {
            PRIORITIES.put("reconcile buy " + number, RequestPriority.current());
            if (FakeWorld.OTHER.equals(world.name(number).orElse(null))) {
                return new Verdict.Conflict(number + " belongs to someone else");
            }
            return world.name(number).<Verdict>map(n -> new Verdict.Done(data().put("id", "id-" + number)))
                    .orElse(new Verdict.NotDone());
        }

        @Override
        public boolean retryInRun(ApiException failure) {
            return failure instanceof ServerException;
        }

        @Override
        public Optional<Action> inverse(EntryState state) {
            return Optional.of(new Release(world, number, "unbuy"));
        }
    }

    /** Renames a number: the old name is what it destroys, and what its inverse restores. */
    record Rename(FakeWorld world, String number, String name, String step) implements FakeAction {
        Rename(FakeWorld world, String number, String name) {
            this(world, number, name, "rename");
        }

        @Override
        public ObjectNode execute(EntryState state) {
            PRIORITIES.put("execute " + step + " " + number, RequestPriority.current());
            world.rename(number, name);
            return data();
        }

        @Override
        public Verdict reconcile(EntryState state) {
            return name.equals(world.name(number).orElse(null)) ? new Verdict.Done(data()) : new Verdict.NotDone();
        }

        @Override
        public Optional<ObjectNode> backup(EntryState state) {
            return world.name(number).map(old -> data().put("name", old));
        }

        @Override
        public Optional<Action> inverse(EntryState state) {
            return state.backup(step).map(b -> new Rename(world, number, b.path("name").asText(), "restore-name"));
        }
    }

    /** Reads a number back; changes nothing. */
    record Check(FakeWorld world, String number) implements FakeAction {
        @Override
        public String step() {
            return "check";
        }

        @Override
        public ObjectNode execute(EntryState state) {
            PRIORITIES.put("execute check " + number, RequestPriority.current());
            return data().put("name", world.name(number).orElse(""));
        }

        @Override
        public Verdict reconcile(EntryState state) {
            return new Verdict.NotDone();
        }

        @Override
        public boolean changesState() {
            return false;
        }
    }

    /** Releases a number. */
    record Release(FakeWorld world, String number, String step) implements FakeAction {
        @Override
        public ObjectNode execute(EntryState state) {
            world.release(number);
            return data();
        }

        @Override
        public Verdict reconcile(EntryState state) {
            return world.name(number).isEmpty() ? new Verdict.Done(data()) : new Verdict.NotDone();
        }
    }

    /** The usual entry: buy the number, then name it. */
    static EntryPlan<String> buyAndName(FakeWorld world, String number, String name) {
        return new EntryPlan<>(number, number, List.of(new Buy(world, number), new Rename(world, number, name)));
    }
}
