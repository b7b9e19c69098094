package dev.switchboard.signalwire;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partial update of a phone number ({@code PUT /phone_numbers/{id}}): only the fields set here are
 * sent, the rest keep their values. A field set to null (or blank) is sent as JSON null, clearing it.
 * Immutable. For the seed's simplified vocabulary ({@code voice_url}, {@code sms_url}, ...) build one
 * with {@link FriendlyNumberUpdate}.
 */
public final class PhoneNumberUpdate {
    private final Map<NumberField, String> values;

    private PhoneNumberUpdate(Map<NumberField, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static PhoneNumberUpdate empty() {
        return new PhoneNumberUpdate(new EnumMap<>(NumberField.class));
    }

    /** An update from real wire names to values, e.g. as stored in a plan. */
    public static PhoneNumberUpdate fromWire(Map<String, String> wire) {
        Map<NumberField, String> values = new EnumMap<>(NumberField.class);
        wire.forEach((name, value) -> values.put(NumberField.fromWire(name).orElseThrow(
                () -> new IllegalArgumentException("'" + name + "' is not an updatable phone-number field")),
                blankToNull(value)));
        return new PhoneNumberUpdate(values);
    }

    /** This update with {@code field} set to {@code value} (null clears the field). */
    public PhoneNumberUpdate with(NumberField field, String value) {
        Map<NumberField, String> more = new EnumMap<>(NumberField.class);
        more.putAll(values);
        more.put(Objects.requireNonNull(field, "field"), blankToNull(value));
        return new PhoneNumberUpdate(more);
    }

    public Map<NumberField, String> values() {
        return values;
    }

    /** The body as real wire names to values, in field order (null values clear). */
    public Map<String, String> toWire() {
        Map<String, String> wire = new LinkedHashMap<>();
        values.forEach((field, value) -> wire.put(field.wireName(), value));
        return wire;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Only the fields whose value differs from what {@code number} has now (empty when it is up to date). */
    public PhoneNumberUpdate changesFor(PhoneNumber number) {
        Map<NumberField, String> changes = new EnumMap<>(NumberField.class);
        values.forEach((field, value) -> {
            if (!Objects.equals(field.valueOf(number), value)) {
                changes.put(field, value);
            }
        });
        return new PhoneNumberUpdate(changes);
    }

    /** Whether {@code number} already has every value of this update. */
    public boolean isAppliedTo(PhoneNumber number) {
        return changesFor(number).isEmpty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumberUpdate update && update.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "PhoneNumberUpdate" + toWire();
    }
}
