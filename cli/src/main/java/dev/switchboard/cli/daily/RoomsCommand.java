package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.daily.DailyRooms;
import dev.switchboard.daily.Room;
import dev.switchboard.daily.RoomSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily rooms create|list|get|delete}: rooms, as far as dial-out and call transfers need them. */
@Command(name = "rooms",
        description = {"Rooms for telephony: dial-out needs one with --dial-out, call transfers into a room need SIP "
                + "endpoints.",
                "Only the properties telephony needs are set here; Daily's dashboard and API have the rest."})
final class RoomsCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(RoomsCommand.Create.class,
                RoomsCommand.ListRooms.class,
                RoomsCommand.Get.class,
                RoomsCommand.Delete.class);
    }

    static Table<Room> table() {
        return Table.of(Room.class)
                .column("NAME", "name", Room::name)
                .column("ID", "id", Room::id)
                .column("PRIVACY", "privacy", Room::privacy)
                .column("DIAL-OUT", "enable_dialout", Room::dialOutEnabled)
                .column("SIP ENDPOINTS", "sip_endpoints", Room::sipEndpoints)
                .column("URL", "url", Room::url)
                .column("CREATED", "created_at", Room::createdAt);
    }

    @Command(name = "create", description = "Create a room (POST /rooms); Daily picks a name unless NAME is given.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "1-128 letters, digits, '-' or '_'.")
        String name;
        @Option(names = "--private", description = "A private room (default: public).")
        boolean privateRoom;
        @Option(names = "--dial-out", description = "Allow dial-out from the room (enable_dialout).")
        boolean dialOut;
        @Option(names = "--sip-endpoints", paramLabel = "N", defaultValue = "0",
                description = "SIP endpoints to provision, 0-5 (rooms that receive transferred calls need 2).")
        int sipEndpoints;
        @Option(names = "--sip-display-name", paramLabel = "TEXT",
                description = "How SIP callers appear in the room (default: sip).")
        String sipDisplayName;

        @Override
        public Integer call() {
            RoomSpec spec;
            try {
                spec = new RoomSpec(name, privateRoom ? "private" : null, dialOut, sipEndpoints, sipDisplayName);
            } catch (IllegalArgumentException rule) {
                throw CliException.invalidInput(rule.getMessage() + "; nothing was sent");
            }
            DailyRooms rooms = daily.client().rooms();
            Room created;
            try {
                created = rooms.create(spec);
            } catch (UnknownOutcomeException unknown) {
                if (name == null) {
                    throw unknown;
                }
                daily.context().err().println("the answer was lost; checking whether room " + name + " exists now");
                try {
                    created = rooms.get(name);
                } catch (NotFoundException absent) {
                    throw CliException.failed("room " + name + " was not created; it is safe to try again");
                }
            }
            output.printOne(table(), created);
            return 0;
        }
    }

    @Command(name = "list", description = "List the domain's rooms (every page).")
    static final class ListRooms implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;

        @Override
        public Integer call() {
            output.print(table(), daily.client().rooms().list());
            return 0;
        }
    }

    @Command(name = "get", description = "Show one room.")
    static final class Get implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;
        @Parameters(paramLabel = "NAME", description = "The room's name.")
        String name;

        @Override
        public Integer call() {
            output.printOne(table(), daily.client().rooms().get(name));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a room, after confirmation; calls in it end.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "NAME", description = "The room's name.")
        String name;

        @Override
        public Integer call() {
            DailyRooms rooms = daily.client().rooms();
            Room room = rooms.get(name);
            new Prompter(daily.context(), confirm.yes()).require("Delete room " + room.name()
                    + "? Everyone in it, callers included, is disconnected.");
            try {
                rooms.delete(name);
            } catch (NotFoundException gone) {
                if (!gone.afterAmbiguousAttempt()) {
                    throw gone;
                }
            }
            daily.context().out().println("deleted room " + name);
            return 0;
        }
    }
}
