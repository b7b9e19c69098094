package dev.switchboard.cli.inventory;

import dev.switchboard.cli.support.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code switchboard inventory drift}: for CI. Exit 0 when live matches the file, 2 when it does not (the
 * differences printed as {@code inventory plan} prints them). Reads only; writes no plan.
 */
@Command(name = "drift",
        description = {"Exit 2 when live differs from the inventory file (printing the differences), 0 when not.",
                "Reads only. Resources the file leaves out are listed as unmanaged and are not drift."})
final class InventoryDriftCommand implements Callable<Integer> {
    @Mixin
    InventoryFileMixin input;
    @Mixin
    InventoryConnections connections;

    @Override
    public Integer call() {
        InventoryPlanFile plan = InventoryPlanning.plan(input, connections, false);
        var context = connections.context();
        boolean drifted = !plan.actions().isEmpty() || plan.notes().stream().anyMatch(n -> n.isDrift());
        PlanPrinter.print(context.out(), plan.actions(), plan.notes());
        context.err().println(drifted ? "drift: live differs from " + input.file().getFileName()
                : "no drift: live matches " + input.file().getFileName());
        context.err().flush();
        return drifted ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }
}
