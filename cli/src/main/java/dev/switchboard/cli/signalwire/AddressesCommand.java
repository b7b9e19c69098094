package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.AddressSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard signalwire addresses}: E911 addresses. */
@Command(name = "addresses",
        description = "E911 addresses: create (validated by the carrier for US addresses), list, delete.")
public final class AddressesCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(AddressesCommand.Create.class,
                AddressesCommand.ListAll.class,
                AddressesCommand.Delete.class);
    }

    /** {@code addresses create}. */
    @Command(name = "create",
            description = {"Creates an E911 address.",
                    "US addresses are validated by the carrier when --emergency is given; a failed validation "
                            + "prints the carrier's suggested correction. --street \"123 Main St\" may replace "
                            + "--street-number and --street-name."})
    public static final class Create implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;

        @Option(names = {"--label", "--friendly-name"}, required = true, paramLabel = "TEXT",
                description = "Label; its first 32 characters are the caller name 911 sees.")
        String label;
        @Option(names = "--first-name", required = true, paramLabel = "NAME", description = "The resident's first name.")
        String firstName;
        @Option(names = "--last-name", required = true, paramLabel = "NAME", description = "The resident's last name.")
        String lastName;
        @Option(names = "--street", paramLabel = "LINE",
                description = "Street line, e.g. \"123 Main St\" (split into number and name).")
        String street;
        @Option(names = "--street-number", paramLabel = "NUMBER", description = "House number, e.g. 123.")
        String streetNumber;
        @Option(names = "--street-name", paramLabel = "NAME", description = "Street name, e.g. Main St.")
        String streetName;
        @Option(names = "--address-type", paramLabel = "TYPE", description = "Suite, Floor, Unit, Apartment, Office, ...")
        String addressType;
        @Option(names = "--address-number", paramLabel = "NUMBER", description = "The suite, floor or unit number.")
        String addressNumber;
        @Option(names = "--city", required = true, paramLabel = "NAME", description = "City.")
        String city;
        @Option(names = {"--state", "--region"}, required = true, paramLabel = "XX",
                description = "2-letter state in the US and Canada.")
        String state;
        @Option(names = "--postal-code", required = true, paramLabel = "CODE", description = "ZIP or postal code.")
        String postalCode;
        @Option(names = {"--country", "--iso-country"}, defaultValue = "US", paramLabel = "XX",
                description = "ISO alpha-2 country (default: ${DEFAULT-VALUE}).")
        String country;
        @Option(names = "--emergency", description = "Enable for emergency services (carrier validation, US only).")
        boolean emergency;
        @Option(names = "--no-auto-correct", description = "Refuse instead of accepting the carrier's corrections.")
        boolean noAutoCorrect;

        public Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String number = streetNumber;
            String name = streetName;
            if (street != null) {
                if (streetNumber != null || streetName != null) {
                    throw CliException.invalidInput("give --street, or --street-number and --street-name, not both");
                }
                String[] parts = street.strip().split("\\s+", 2);
                if (parts.length < 2) {
                    throw CliException.invalidInput("--street needs a number and a name, e.g. \"123 Main St\"");
                }
                number = parts[0];
                name = parts[1];
            }
            AddressSpec spec;
            try {
                spec = new AddressSpec(label, country, firstName, lastName, number, name, addressType, addressNumber,
                        city, state, postalCode, emergency, noAutoCorrect ? Boolean.FALSE : null);
            } catch (IllegalArgumentException e) {
                throw CliException.invalidInput(e.getMessage());
            }
            Address created = connection.client().directory().createAddress(spec);
            output.printOne(Rows.addresses(), created);
            return ExitCode.OK;
        }
    }

    /** {@code addresses list}. */
    @Command(name = "list", description = "Lists the project's E911 addresses.")
    public static final class ListAll implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        PageSizeMixin pages;
        @Mixin
        OutputMixin output;
        @Option(names = "--filter-label", paramLabel = "TEXT", description = "Only labels containing TEXT.")
        String filterLabel;

        public ListAll(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            output.print(Rows.addresses(), connection.client(pages.size()).directory().addresses(filterLabel));
            return ExitCode.OK;
        }
    }

    /** {@code addresses delete ID}. */
    @Command(name = "delete",
            description = "Deletes an address. Numbers registered with it keep their E911 registration.")
    public static final class Delete implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "ID", description = "The address id.")
        String id;

        public Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var directory = connection.client().directory();
            Address address = directory.address(id);
            new Prompter(context, confirm.yes()).require("Delete address " + address.label() + " (" + address.oneLine() + ")?");
            directory.deleteAddress(id);
            context.out().println("Deleted address " + address.label());
            context.out().flush();
            return ExitCode.OK;
        }
    }
}
