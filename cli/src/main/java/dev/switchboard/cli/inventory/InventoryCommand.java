package dev.switchboard.cli.inventory;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard inventory}: numbers as code (export, plan, apply, drift). */
@Command(name = InventoryCommand.NAME, description = InventoryCommand.SUMMARY)
public final class InventoryCommand implements CommandGroup {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "inventory";
    public static final String SUMMARY =
            "Numbers as code: export a Daily domain and/or SignalWire project to YAML, plan, apply, detect drift.";

    @Override
    public List<Class<?>> subcommands() {
        return List.of(InventoryExportCommand.class, InventoryPlanCommand.class, InventoryApplyCommand.class,
                InventoryDriftCommand.class, InventorySchemaCommand.class);
    }
}
