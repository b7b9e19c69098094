package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard daily}: number operations, dial-in configs and live call control on one Daily domain. */
@Command(name = DailyCommand.NAME,
        description = DailyCommand.SUMMARY)
public final class DailyCommand implements CommandGroup {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "daily";
    public static final String SUMMARY =
            "Daily numbers, dial-in configs, caller ids, rooms, live calls and webhooks (key: DAILY_API_KEY).";

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
