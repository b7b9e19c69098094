package dev.switchboard.daily;

import java.util.Locale;

/** The two kinds of Daily dial-in config. */
public enum DialinType {
    /** A webhook ({@code room_creation_api}) decides the room; no PIN asked. */
    PINLESS_DIALIN("pinless_dialin"),
    /** Callers enter a PIN that names the room. */
    PIN_DIALIN("pin_dialin");

    private final String wireName;

    DialinType(String wireName) {
        this.wireName = wireName;
    }

    /** The value Daily uses on the wire, e.g. {@code pinless_dialin}. */
    public String wireName() {
        return wireName;
    }

    public static DialinType fromWire(String value) {
        for (DialinType type : values()) {
            if (type.wireName.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalStateException("Daily returned an unknown dial-in config type: " + value);
    }
}
