package dev.switchboard.cli.inventory;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ExitCode;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code switchboard inventory schema}: prints the JSON Schema the reader checks every inventory file against. */
@Command(name = "schema",
        description = "Print the JSON Schema (draft 2020-12) of the inventory file, e.g. for an editor's YAML support.")
final class InventorySchemaCommand implements Callable<Integer> {
    private final CliContext context;

    InventorySchemaCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().print(InventorySchema.get().text());
        context.out().flush();
        return ExitCode.OK;
    }
}
