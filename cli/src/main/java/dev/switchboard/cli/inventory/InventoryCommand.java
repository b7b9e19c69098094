package dev.switchboard.cli.inventory;

import picocli.CommandLine.Command;

/** {@code switchboard inventory}: numbers as code (export, plan, apply, drift). */
@Command(name = "inventory",
        description = "Numbers as code: export a Daily domain and/or SignalWire project to YAML, plan, apply, detect drift.",
        subcommands = {InventoryExportCommand.class, InventoryPlanCommand.class, InventoryApplyCommand.class,
                InventoryDriftCommand.class, InventorySchemaCommand.class})
public final class InventoryCommand {
}
