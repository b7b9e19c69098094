package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
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
@Command(name = "dialout",
        description = "Dial a phone number or SIP URI from a room (the room needs enable_dialout: 'rooms create --dial-out').")
final class DialoutCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(DialoutCommand.Start.class,
                DialoutCommand.Stop.class,
                DialoutCommand.Dtmf.class);
    }

    /** {@code --room} and {@code --session}: which dial-out 'stop' and 'dtmf' act on. */
    static final class DialoutSession {
        @Option(names = "--room", required = true, paramLabel = "NAME", description = "The room of the dial-out.")
        String room;
        @Option(names = "--session", required = true, paramLabel = "ID",
                description = "The dial-out participant's session id (printed by 'dialout start').")
        String session;
    }

    /** A started dial-out, as printed. */
    record Started(String room, String sessionId, String to, String callerId) {
    }

    @Command(name = "start",
            description = "Start a dial-out; prints the new participant's session id. Daily allows 1 per second, "
                    + "5 per 5 seconds per key (switchboard waits for its turn).")
    static final class Start implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Option(names = "--room", required = true, paramLabel = "NAME", description = "The room to dial out from.")
        String room;
        @Option(names = "--to", required = true, paramLabel = "E164|SIP", description = "+1... or sip:user@host.")
        String to;
        @Option(names = "--caller-id", paramLabel = "ID|E164",
                description = "Purchased number to call from, by id or E.164 (PSTN only; default: Daily's choice).")
        String callerId;
        @Option(names = "--display-name", paramLabel = "TEXT", description = "The new participant's name in the room.")
        String displayName;
        @Option(names = "--user-id", paramLabel = "TEXT", description = "The new participant's user id (up to 36 characters).")
        String userId;
        @Option(names = "--extension", paramLabel = "DIGITS", description = "Digits to dial once the call connects.")
        String extension;
        @Option(names = "--wait-before-extension", paramLabel = "SECONDS",
                description = "Seconds to wait before dialing --extension (0-60).")
        Integer waitBeforeExtension;

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

    @Command(name = "stop", description = "Hang up a dial-out participant.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        DialoutSession target;
        @Mixin
        ConfirmMixin confirm;

        @Override
        public Integer call() {
            String room = target.room;
            String session = target.session;
            daily.client().calls().stopDialOut(room, session);
            daily.context().out().println("stopped dial-out " + session + " in " + room);
            return 0;
        }
    }

    @Command(name = "dtmf", description = "Send DTMF tones on a dial-out.")
    static final class Dtmf implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        DialoutSession target;
        @Mixin
        ConfirmMixin confirm;
        @Option(names = "--tones", required = true, paramLabel = "TONES", description = "1-20 of 0-9 * # A-D.")
        String tones;
        @Option(names = "--digit-ms", paramLabel = "MS", description = "Tone length, 50-2000 (Daily's default 500).")
        Integer digitMs;

        @Override
        public Integer call() {
            daily.client().calls().sendDtmf(target.room, target.session, tones, digitMs);
            daily.context().out().println("sent " + tones + " to " + target.session + " in " + target.room);
            return 0;
        }
    }
}
