package dev.switchboard.daily;

import java.util.regex.Pattern;

/**
 * What to create with {@code POST /rooms}. {@code name} null lets Daily pick one. {@code sipEndpoints} 0 means no
 * SIP dial-in; otherwise Daily provisions that many SIP endpoints ({@code properties.sip.num_endpoints}; rooms
 * that receive transferred calls need 2) shown to the room as {@code sipDisplayName}.
 */
public record RoomSpec(String name, String privacy, boolean enableDialOut, int sipEndpoints, String sipDisplayName) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public RoomSpec {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a room name is 1 to 128 letters, digits, '-' or '_'");
        }
        if (privacy != null && !privacy.equals("public") && !privacy.equals("private")) {
            throw new IllegalArgumentException("privacy is public or private");
        }
        if (sipEndpoints < 0 || sipEndpoints > 5) {
            throw new IllegalArgumentException("sip endpoints must be between 0 and 5");
        }
    }

    public static RoomSpec named(String name) {
        return new RoomSpec(name, null, false, 0, null);
    }

    public RoomSpec withDialOut(boolean enabled) {
        return new RoomSpec(name, privacy, enabled, sipEndpoints, sipDisplayName);
    }

    public RoomSpec withSip(int endpoints, String displayName) {
        return new RoomSpec(name, privacy, enableDialOut, endpoints, displayName);
    }
}
