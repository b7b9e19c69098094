package dev.switchboard.cli.inventory;

import dev.switchboard.cli.daily.DailyApiMixin;
import dev.switchboard.cli.signalwire.PageSizeMixin;
import dev.switchboard.cli.signalwire.SignalWireConnection;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.signalwire.SignalWireClient;
import picocli.CommandLine.Mixin;

/**
 * The provider connections of the inventory commands: Daily as every {@code daily} command connects
 * ({@code DAILY_API_KEY}, {@code DAILY_API_URL}, {@code --max-rps}, {@code --debug}), SignalWire from
 * {@code SIGNALWIRE_SPACE_URL}, {@code SIGNALWIRE_PROJECT_ID} and {@code SIGNALWIRE_API_TOKEN}; environment,
 * then {@code .env}, then the profile. Never from flags.
 */
public final class InventoryConnections {
    @Mixin
    DailyApiMixin daily;

    CliContext context() {
        return daily.context();
    }

    boolean dailyConfigured() {
        return context().settings().get(DailyApiMixin.KEY_VARIABLE).isPresent();
    }

    boolean signalwireConfigured() {
        return context().settings().get(SignalWireConnection.PROJECT_ID).isPresent();
    }

    DailyClient daily() {
        return daily.client();
    }

    SignalWireClient signalwire() {
        return SignalWireConnection.client(context(), null, null, PageSizeMixin.DEFAULT, daily.debug());
    }
}
