package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.phone.E164;
import dev.switchboard.daily.VerifiedCallerId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily caller-ids add|list}: verified caller ids (Daily's endpoint is undocumented). */
@Command(name = "caller-ids",
        description = "Verified caller ids: numbers owned elsewhere that Daily may show as caller id.")
final class CallerIdsCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(CallerIdsCommand.Add.class,
                CallerIdsCommand.ListIds.class);
    }

    static Table<VerifiedCallerId> table() {
        return Table.of(VerifiedCallerId.class)
                .column("ID", "id", VerifiedCallerId::id)
                .column("NUMBER", "number", VerifiedCallerId::number)
                .column("NAME", "name", VerifiedCallerId::name);
    }

    @Command(name = "add", description = "Register a verified caller id.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "NUMBER", description = "E.164 number.") String number;
        @Option(names = "--name", paramLabel = "TEXT", description = "A label for the caller id.") String name;

        @Override
        public Integer call() {
            VerifiedCallerId added = daily.client().addVerifiedCallerId(E164.parse(number).value(), name);
            output.printOne(table(), added);
            return 0;
        }
    }

    @Command(name = "list", description = "List verified caller ids.")
    static final class ListIds implements Callable<Integer> {
        @Mixin
        DailyApiMixin daily;
        @Mixin
        OutputMixin output;

        @Override
        public Integer call() {
            output.print(table(), daily.client().verifiedCallerIds());
            return 0;
        }
    }
}
