package dev.switchboard.cli.inventory;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.inventory.InvalidInventoryException;
import dev.switchboard.core.inventory.Note;
import dev.switchboard.core.inventory.ProviderPlan;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.daily.inventory.DailyAction;
import dev.switchboard.daily.inventory.DailyLive;
import dev.switchboard.daily.inventory.DailyPlanner;
import dev.switchboard.signalwire.inventory.SignalWireAction;
import dev.switchboard.signalwire.inventory.SignalWireLive;
import dev.switchboard.signalwire.inventory.SignalWirePlanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Plan and drift share this: read the file (schema-checked) and its secrets, read live state of each provider
 * the file has a section for (reads only), and plan. An invalid file fails here, before any request.
 */
final class InventoryPlanning {
    private InventoryPlanning() {
    }

    static InventoryPlanFile plan(InventoryFileMixin input, InventoryConnections connections, boolean allowRelease) {
        InventoryDocument document = input.read();
        SecretSource secrets = input.secretSource();
        String name = input.file().getFileName().toString();
        if (document.daily() == null && document.signalwire() == null) {
            throw CliException.invalidInput(name + ": the file has neither a daily: nor a signalwire: section");
        }
        var dailyClient = document.daily() == null ? null : connections.daily();
        var signalwireClient = document.signalwire() == null ? null : connections.signalwire();
        try {
            List<DailyAction> daily = List.of();
            List<SignalWireAction> signalwire = List.of();
            List<Note> notes = new ArrayList<>();
            if (document.daily() != null) {
                ProviderPlan<DailyAction> plan = new DailyPlanner(secrets, allowRelease)
                        .plan(document.daily(), DailyLive.read(dailyClient));
                daily = plan.actions();
                notes.addAll(plan.notes());
            }
            if (document.signalwire() != null) {
                ProviderPlan<SignalWireAction> plan = new SignalWirePlanner(allowRelease)
                        .plan(document.signalwire(), SignalWireLive.read(signalwireClient));
                signalwire = plan.actions();
                notes.addAll(plan.notes());
            }
            return new InventoryPlanFile(InventoryPlanFile.FORMAT, 1, input.file().toString(),
                    input.secretsFile().toString(), allowRelease, daily, signalwire, notes);
        } catch (InvalidInventoryException invalid) {
            throw CliException.invalidInput(name + ": " + invalid.getMessage());
        }
    }
}
