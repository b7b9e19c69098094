package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.NumberGroupMembership;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.SignalWireClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard signalwire groups}: number groups, SignalWire's number pools. */
@Command(name = "groups",
        description = {"Number groups (number pools), by id or by name.",
                "Messages sent from a group use one of its numbers; with a sticky sender, the same number for the "
                        + "same recipient. A number is in at most one group. Deleting a group or removing a number "
                        + "never releases the number."})
public final class GroupsCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(GroupsCommand.Create.class,
                GroupsCommand.ListAll.class,
                GroupsCommand.Delete.class,
                GroupsCommand.Add.class,
                GroupsCommand.Remove.class);
    }

    /** {@code groups create NAME}. */
    @Command(name = "create", description = "Creates a group.")
    public static final class Create implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "NAME", description = "The group's name.")
        String name;
        @Option(names = "--sticky-sender", description = "Reuse the same number for the same recipient.")
        boolean stickySender;

        public Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            NumberGroup group = connection.client().directory().createNumberGroup(name, stickySender);
            output.printOne(Rows.groups(), group);
            return ExitCode.OK;
        }
    }

    /** {@code groups list [GROUP]}. */
    @Command(name = "list",
            description = "Lists the groups, or with a GROUP the numbers in it.")
    public static final class ListAll implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        PageSizeMixin pages;
        @Mixin
        OutputMixin output;
        @Parameters(paramLabel = "GROUP", arity = "0..1", description = "A group (id or name): list its numbers.")
        String group;

        public ListAll(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var directory = connection.client(pages.size()).directory();
            if (group == null) {
                output.print(Rows.groups(), directory.numberGroups(null));
            } else {
                output.print(Rows.memberships(), directory.memberships(GroupRefs.resolve(directory, group).id()));
            }
            return ExitCode.OK;
        }
    }

    /** {@code groups delete GROUP}. */
    @Command(name = "delete", description = "Deletes a group (its numbers stay owned).")
    public static final class Delete implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "GROUP", description = "The group (id or name).")
        String groupRef;

        public Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var directory = connection.client().directory();
            NumberGroup group = GroupRefs.resolve(directory, groupRef);
            new Prompter(context, confirm.yes()).require("Delete group " + group.name() + " ("
                    + Plural.of(group.phoneNumberCount(), "number") + "; deleting a group never releases a number)?");
            directory.deleteNumberGroup(group.id());
            context.out().println("Deleted group " + group.name());
            context.out().flush();
            return ExitCode.OK;
        }
    }

    /** {@code groups add GROUP NUMBER}. */
    @Command(name = "add", description = "Puts a number in a group.")
    public static final class Add implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(index = "0", paramLabel = "GROUP", description = "The group (id or name).")
        String group;
        @Parameters(index = "1", paramLabel = "NUMBER", description = "The number (E.164) or its id.")
        String number;

        public Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SignalWireClient client = connection.client();
            PhoneNumber target = NumberRefs.resolve(client, number);
            String groupId = GroupRefs.resolve(client.directory(), group).id();
            output.printOne(Rows.memberships(), client.directory().addToGroup(groupId, target.id()));
            return ExitCode.OK;
        }
    }

    /** {@code groups remove GROUP NUMBER}. */
    @Command(name = "remove", description = "Takes a number out of a group (it stays owned).")
    public static final class Remove implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(index = "0", paramLabel = "GROUP", description = "The group (id or name).")
        String group;
        @Parameters(index = "1", paramLabel = "NUMBER", description = "The number (E.164) or its id.")
        String number;

        public Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SignalWireClient client = connection.client();
            PhoneNumber target = NumberRefs.resolve(client, number);
            NumberGroup from = GroupRefs.resolve(client.directory(), group);
            NumberGroupMembership membership = client.directory().memberships(from.id()).stream()
                    .filter(m -> target.id().equals(m.phoneNumberId())).findFirst()
                    .orElseThrow(() -> CliException.precondition(target.number() + " is not in group " + from.name()));
            client.directory().removeMembership(membership.id());
            context.out().println("Removed " + target.number() + " from group " + from.name());
            context.out().flush();
            return ExitCode.OK;
        }
    }
}
