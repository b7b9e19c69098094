package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard daily}: number operations, dial-in configs and live call control on one Daily domain. */
@Command(name = "daily",
        description = "Daily numbers, dial-in configs, caller ids, rooms, live calls and webhooks (key: DAILY_API_KEY).")
public final class DailyCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(WhoamiCommand.class,
                NumbersCommand.class,
                DialinCommand.class,
                CallerIdsCommand.class,
                RoomsCommand.class,
                CallsCommand.class,
                WebhooksCommand.class);
    }
}
