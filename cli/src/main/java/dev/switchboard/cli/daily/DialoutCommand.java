package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.daily.CallEndpoint;
import dev.switchboard.daily.CallerIds;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialOutRequest;
import dev.switchboard.daily.PurchasedNumberFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily calls dialout start|stop|dtmf}: bring a new PSTN or SIP party into a room. */
@Command(name = "dialout", mixinStandardHelpOptions = true,
        description = "Dial a phone number or SIP URI from a room (the room needs enable_dialout).",
        subcommands = {DialoutCommand.Start.class, DialoutCommand.Stop.class, DialoutCommand.Dtmf.class})
final class DialoutCommand {

    /** A started dial-out, as printed. */
    record Started(String room, String sessionId, String to, String callerId) {
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a dial-out; prints the new participant's session id. Daily allows 1 per second, "
                    + "5 per 5 seconds per key (switchboard waits for its turn).")
    static final class Start implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;
        @Option(names = "--room", required = true, paramLabel = "NAME") String room;
        @Option(names = "--to", required = true, paramLabel = "E164|SIP", description = "+1... or sip:user@host.")
        String to;
        @Option(names = "--caller-id", paramLabel = "ID|E164",
                description = "Purchased number to call from, by id or E.164 (PSTN only; default: Daily's choice).")
        String callerId;
        @Option(names = "--display-name", paramLabel = "TEXT") String displayName;
        @Option(names = "--user-id", paramLabel = "TEXT") String userId;
        @Option(names = "--extension", paramLabel = "DIGITS") String extension;
        @Option(names = "--wait-before-extension", paramLabel = "SECONDS") Integer waitBeforeExtension;

        @Override
        public Integer call() {
            DailyClient client = daily.client();
            CallEndpoint target = CallEndpoint.parse(to);
            String resolved = callerId == null ? null
                    : CallerIds.resolve(client.purchasedNumbers(PurchasedNumberFilter.all()), callerId);
            DialOutRequest request = new DialOutRequest(target, resolved, displayName, userId, extension,
                    waitBeforeExtension);
            String session = client.calls().startDialOut(room, request);
            output.printOne(Table.of(Started.class)
                    .column("ROOM", "room", Started::room)
                    .column("SESSION ID", "session_id", Started::sessionId)
                    .column("TO", "to", Started::to)
                    .column("CALLER ID", "caller_id", Started::callerId),
                    new Started(room, session, target.wire(), resolved));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Hang up a dial-out participant.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Option(names = "--room", required = true, paramLabel = "NAME") String room;
        @Option(names = "--session", required = true, paramLabel = "ID") String session;

        @Override
        public Integer call() {
            daily.client().calls().stopDialOut(room, session);
            daily.context().out().println("stopped dial-out " + session + " in " + room);
            return 0;
        }
    }

    @Command(name = "dtmf", mixinStandardHelpOptions = true, description = "Send DTMF tones on a dial-out.")
    static final class Dtmf implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Option(names = "--room", required = true, paramLabel = "NAME") String room;
        @Option(names = "--session", required = true, paramLabel = "ID") String session;
        @Option(names = "--tones", required = true, paramLabel = "TONES", description = "1-20 of 0-9 * # A-D.")
        String tones;
        @Option(names = "--digit-ms", paramLabel = "MS", description = "Tone length, 50-2000 (Daily's default 500).")
        Integer digitMs;

        @Override
        public Integer call() {
            daily.client().calls().sendDtmf(room, session, tones, digitMs);
            daily.context().out().println("sent " + tones + " to " + session + " in " + room);
            return 0;
        }
    }
}
