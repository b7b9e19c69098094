package dev.switchboard.emulator.daily;

import java.util.Base64;

/** Whether a string is standard base64 (the form Daily requires for hmac secrets). */
final class Base64Check {
    private Base64Check() {
    }

    static boolean valid(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
