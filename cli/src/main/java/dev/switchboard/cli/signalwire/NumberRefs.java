package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.phone.E164;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.SignalWireClient;

import java.util.Optional;

/** Commands take a number as its id or as the number itself (any E.164 spelling). */
final class NumberRefs {
    private NumberRefs() {
    }

    /** The project's number this reference names. */
    static PhoneNumber resolve(SignalWireClient client, String reference) {
        Optional<E164> number = reference.strip().startsWith("+") ? E164.tryParse(reference) : Optional.empty();
        if (number.isPresent()) {
            return client.findNumber(number.get().value()).orElseThrow(() ->
                    CliException.precondition(number.get().value() + " is not a number of this project"));
        }
        try {
            return client.phoneNumber(reference.strip());
        } catch (dev.switchboard.core.http.NotFoundException e) {
            throw CliException.precondition("no number with id " + reference + " in this project");
        }
    }
}
