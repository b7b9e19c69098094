package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.EngineOptions;
import dev.switchboard.core.engine.EntryPlan;
import dev.switchboard.core.engine.EntryReport;
import dev.switchboard.core.engine.StepHook;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.plan.ProgressListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs an inventory plan on the engine: one entry ({@code inventory-<plan id>}) whose steps are the plan's
 * actions in plan order (a group member needs its number bought first, an address must exist before a number
 * points at it, so they run one after another and stop at the first failure). The engine journals each step,
 * reconciles by reading, journals backups before destroys and resumes from the journal.
 */
final class InventoryApplyRun {
    private InventoryApplyRun() {
    }

    /** The entry's report, and how many steps found their effect already there when read. */
    record Outcome(EntryReport<InventoryPlanFile> report, int reconciled) {
        /** Steps done (now or earlier), backups not counted. */
        long done() {
            return report.done().keySet().stream().filter(step -> !step.endsWith(Engine.BACKUP_SUFFIX)).count();
        }

        boolean complete() {
            return report.status() == EntryReport.Status.DONE || report.status() == EntryReport.Status.ALREADY_DONE;
        }
    }

    static String key(InventoryPlanFile plan) {
        return "inventory-" + plan.id();
    }

    /** Whether the journal holds a run of another plan: empty (no), else whether that run finished. */
    static Optional<Boolean> otherPlanFinished(Journal journal, InventoryPlanFile plan) {
        Optional<JsonNode> earlier = new Engine(journal, EngineOptions.defaults(1)).recordedPlan();
        if (earlier.isEmpty() || plan.id().equals(earlier.get().path("plan").asText())) {
            return Optional.empty();
        }
        String key = "inventory-" + earlier.get().path("plan").asText();
        long done = journal.view(key).doneSteps(key).stream().filter(s -> !s.endsWith(Engine.BACKUP_SUFFIX)).count();
        return Optional.of(done >= earlier.get().path("steps").asLong());
    }

    static Outcome run(Journal journal, InventoryPlanFile plan, Function<InventoryAction<?>, Object> clients,
                       SecretSource secrets, StepHook hook) {
        Engine engine = new Engine(journal, EngineOptions.defaults(1).withHook(hook));
        JsonNode recorded = JsonNodeFactory.instance.objectNode().put("plan", plan.id()).put("file", plan.inventory())
                .put("steps", plan.actions().size());
        if (engine.recordedPlan().isEmpty()) {
            engine.recordPlan(recorded);
        }
        List<InventoryStep<?>> steps = new ArrayList<>();
        List<InventoryAction<?>> actions = plan.actions();
        for (int i = 0; i < actions.size(); i++) {
            steps.add(step(i, actions.get(i), clients.apply(actions.get(i)), secrets));
        }
        EntryPlan<InventoryPlanFile> entry = new EntryPlan<>(key(plan), plan, steps);
        var result = engine.apply(List.of(entry), ProgressListener.none());
        EntryReport<InventoryPlanFile> report = Engine.reports(result).get(0);
        int reconciled = (int) report.done().values().stream().filter(d -> d.path("reconciled").asBoolean()).count();
        return new Outcome(report, reconciled);
    }

    @SuppressWarnings("unchecked")
    private static <C> InventoryStep<C> step(int index, InventoryAction<C> action, Object client, SecretSource secrets) {
        return InventoryStep.of(index, action, (C) client, secrets);
    }
}
