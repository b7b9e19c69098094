package dev.switchboard.cli.daily;

import picocli.CommandLine.Command;

/** {@code switchboard daily}: number operations, dial-in configs and live call control on one Daily domain. */
@Command(name = "daily",
        description = "Daily numbers, dial-in configs, caller ids, rooms, live calls and webhooks (key: DAILY_API_KEY).",
        subcommands = {WhoamiCommand.class, NumbersCommand.class, DialinCommand.class, CallerIdsCommand.class,
                RoomsCommand.class, CallsCommand.class, WebhooksCommand.class})
public final class DailyCommand {
}
