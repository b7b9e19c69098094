package dev.switchboard.cli.inventory;

import dev.switchboard.cli.daily.DailyApiMixin;
import dev.switchboard.cli.signalwire.PageSizeMixin;
import dev.switchboard.cli.signalwire.SignalWireConnection;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.signalwire.SignalWireClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The provider connections of the inventory commands: Daily from {@code DAILY_API_KEY} (and
 * {@code DAILY_API_URL}), SignalWire from {@code SIGNALWIRE_SPACE_URL}, {@code SIGNALWIRE_PROJECT_ID} and
 * {@code SIGNALWIRE_API_TOKEN}; environment, then {@code .env}, then the profile. Never from flags.
 */
public final class InventoryConnections {
    private final CliContext context;

    @Option(names = "--max-rps", paramLabel = "N", defaultValue = "0",
            description = "Send at most N requests per second to Daily (default: Daily's documented limits).")
    int maxRequestsPerSecond;

    @Mixin
    DebugMixin debug;

    InventoryConnections(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    boolean dailyConfigured() {
        return context.settings().get(DailyApiMixin.KEY_VARIABLE).isPresent();
    }

    boolean signalwireConfigured() {
        return context.settings().get(SignalWireConnection.PROJECT_ID).isPresent();
    }

    DailyClient daily() {
        return DailyApiMixin.client(context, maxRequestsPerSecond, debug);
    }

    SignalWireClient signalwire() {
        return SignalWireConnection.client(context, null, null, PageSizeMixin.DEFAULT, debug);
    }
}
