package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.Table;
import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.AvailableNumber;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.NumberGroupMembership;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.VerifiedCallerId;
import dev.switchboard.signalwire.bulk.EntryResult;

import java.util.Locale;

/** The tables (and so the JSON/CSV schemas, docs/output.md) of the SignalWire commands. */
final class Rows {
    private Rows() {
    }

    static Table<PhoneNumber> numbers() {
        return Table.of(PhoneNumber.class)
                .column("ID", "id", PhoneNumber::id)
                .column("NUMBER", "number", PhoneNumber::number)
                .column("NAME", "name", PhoneNumber::name)
                .column("TYPE", "number_type", PhoneNumber::numberType)
                .column("CAPABILITIES", "capabilities", PhoneNumber::capabilities)
                .column("CALLS", "call_handler", n -> n.call().handler())
                .column("CALLS TO", "call_destination", n -> n.call().destination())
                .column("MESSAGES", "message_handler", n -> n.message().handler())
                .column("MESSAGES TO", "message_destination", n -> n.message().destination())
                .column("E911", "e911_status", PhoneNumber::e911Status)
                .column("CREATED", "created_at", PhoneNumber::createdAt);
    }

    static Table<AvailableNumber> available() {
        return Table.of(AvailableNumber.class)
                .column("NUMBER", "number", AvailableNumber::e164)
                .column("NATIONAL", "national_format", AvailableNumber::nationalFormatted)
                .column("REGION", "region", AvailableNumber::region)
                .column("RATE CENTER", "rate_center", AvailableNumber::rateCenter)
                .column("CAPABILITIES", "capabilities", AvailableNumber::capabilities);
    }

    static Table<EntryResult> results() {
        return Table.of(EntryResult.class)
                .column("NUMBER", "number", EntryResult::number)
                .column("ID", "id", EntryResult::numberId)
                .column("OUTCOME", "outcome", r -> r.outcome().name().toLowerCase(Locale.ROOT))
                .column("DETAIL", "detail", EntryResult::detail);
    }

    static Table<Address> addresses() {
        return Table.of(Address.class)
                .column("ID", "id", Address::id)
                .column("LABEL", "label", Address::label)
                .column("ADDRESS", "address", Address::oneLine)
                .column("NAME", "name", a -> a.firstName() + " " + a.lastName())
                .column("EMERGENCY", "emergency_enabled", Address::emergencyEnabled)
                .column("VALIDATED", "validated", Address::validated)
                .column("VALIDATED AT", "validated_at", Address::validatedAt);
    }

    static Table<NumberGroup> groups() {
        return Table.of(NumberGroup.class)
                .column("ID", "id", NumberGroup::id)
                .column("NAME", "name", NumberGroup::name)
                .column("STICKY SENDER", "sticky_sender", NumberGroup::stickySender)
                .column("NUMBERS", "phone_number_count", NumberGroup::phoneNumberCount);
    }

    static Table<NumberGroupMembership> memberships() {
        return Table.of(NumberGroupMembership.class)
                .column("MEMBERSHIP", "id", NumberGroupMembership::id)
                .column("GROUP", "number_group_id", NumberGroupMembership::numberGroupId)
                .column("NUMBER ID", "phone_number_id", NumberGroupMembership::phoneNumberId)
                .column("NUMBER", "number", NumberGroupMembership::number)
                .column("NAME", "name", NumberGroupMembership::name);
    }

    static Table<VerifiedCallerId> callerIds() {
        return Table.of(VerifiedCallerId.class)
                .column("ID", "id", VerifiedCallerId::id)
                .column("NUMBER", "number", VerifiedCallerId::number)
                .column("NAME", "name", VerifiedCallerId::name)
                .column("EXTENSION", "extension", VerifiedCallerId::extension)
                .column("STATUS", "status", VerifiedCallerId::status)
                .column("VERIFIED AT", "verified_at", VerifiedCallerId::verifiedAt);
    }
}
