package dev.switchboard.signalwire.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.AddressSpec;
import dev.switchboard.signalwire.NumberField;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.PhoneNumberUpdate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SignalWire resources in the file's shape, and the requests a file entry turns into. */
final class SignalWireViews {
    static final String CALL = "call_";
    static final String MESSAGE = "message_";
    static final String NO_ADDRESS = "none";

    private SignalWireViews() {
    }

    /** The number's handler fields without their prefix, in {@link NumberField} order, unset ones left out. */
    static Map<String, String> handlers(PhoneNumber number, String prefix) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (NumberField field : NumberField.values()) {
            String value = field.valueOf(number);
            if (field.wireName().startsWith(prefix) && value != null) {
                fields.put(field.wireName().substring(prefix.length()), value);
            }
        }
        return fields.isEmpty() ? null : fields;
    }

    /** The update the entry asks for (its name and handler fields; what it leaves out is not touched). */
    static PhoneNumberUpdate update(SignalWireInventory.Number wanted) {
        PhoneNumberUpdate update = PhoneNumberUpdate.empty();
        if (wanted.name() != null) {
            update = update.with(NumberField.NAME, wanted.name());
        }
        update = with(update, wanted.call(), CALL);
        return with(update, wanted.message(), MESSAGE);
    }

    private static PhoneNumberUpdate with(PhoneNumberUpdate update, Map<String, String> fields, String prefix) {
        PhoneNumberUpdate result = update;
        if (fields != null) {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                result = result.with(field(prefix + field.getKey()).orElseThrow(() -> new IllegalArgumentException(
                        "'" + field.getKey() + "' is not a " + prefix.replace("_", "") + " handler field")), field.getValue());
            }
        }
        return result;
    }

    static Optional<NumberField> field(String wireName) {
        return NumberField.fromWire(wireName);
    }

    static SignalWireInventory.E911Address entry(Address address) {
        return new SignalWireInventory.E911Address(address.label(), address.country(), address.firstName(),
                address.lastName(), address.streetNumber(), address.streetName(), address.addressType(),
                address.addressNumber(), address.city(), address.state(), address.postalCode(),
                address.emergencyEnabled());
    }

    static AddressSpec spec(SignalWireInventory.E911Address address) {
        return new AddressSpec(address.label(), address.country(), address.firstName(), address.lastName(),
                address.streetNumber(), address.streetName(), address.addressType(), address.addressNumber(),
                address.city(), address.state(), address.postalCode(), Boolean.TRUE.equals(address.emergencyEnabled()),
                false);
    }

    static ObjectNode view(Object entry) {
        ObjectNode node = Json.mapper().valueToTree(entry);
        node.remove("release");
        return node;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
