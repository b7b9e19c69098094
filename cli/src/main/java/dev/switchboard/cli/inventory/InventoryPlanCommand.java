package dev.switchboard.cli.inventory;

import dev.switchboard.cli.support.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code switchboard inventory plan}: compares the file with live (reads only), prints the plan like
 * {@code terraform plan} and writes it for {@code inventory apply}.
 */
@Command(name = "plan",
        description = {"Compare the inventory file with live and write the plan of actions that make live match it.",
                "Numbers left out of the file are left alone; one is released only when the file marks it "
                        + "'release: true' and --allow-release is given."})
final class InventoryPlanCommand implements Callable<Integer> {
    @Mixin
    InventoryFileMixin input;
    @Mixin
    InventoryConnections connections;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = InventoryPlanFile.DEFAULT_NAME,
            description = "Where to write the plan (default: ${DEFAULT-VALUE}; owner-only).")
    Path out;

    @Option(names = "--allow-release", description = "Plan the release of numbers the file marks 'release: true'.")
    boolean allowRelease;

    @Override
    public Integer call() throws IOException {
        InventoryPlanFile plan = InventoryPlanning.plan(input, connections, allowRelease);
        var context = connections.context();
        PlanPrinter.print(context.out(), plan.actions(), plan.notes());
        Path file = context.resolve(out.toString());
        plan.write(file);
        context.err().println("plan written to " + out + (plan.actions().isEmpty() ? ""
                : "; run it with: switchboard inventory apply -f " + out));
        context.err().flush();
        return ExitCode.OK;
    }
}
