package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;

/**
 * The emulator's own copy of Daily's value rules for dial-in config fields (modern and legacy): base64 hmacs of
 * 1 to 256 bytes, http(s) URLs with a host (or Daily Bots' {@code dailybots} webhook), no control characters,
 * name_prefix up to 128 characters, messages up to 1000. Written independently of the client's validator on
 * purpose: a rule wrong on one side must show up as a refused request, not pass on both.
 */
final class DialinValueRules {
    private static final int MAX_HMAC_BYTES = 256;
    private static final int MAX_URL = 2048;
    private static final int MAX_NAME_PREFIX = 128;
    private static final int MAX_MESSAGE = 1000;

    private DialinValueRules() {
    }

    /** Throws Daily's 400 when {@code value} (a non-null field of a dial-in config) breaks a rule. */
    static void check(String name, JsonNode value) {
        switch (name) {
            case "hmac" -> hmac(value.asText());
            case "room_creation_api" -> {
                if (!"dailybots".equals(value.asText())) {
                    url(name, value.asText());
                }
            }
            case "hold_music_url" -> url(name, value.asText());
            case "name_prefix" -> text(name, value.asText(), MAX_NAME_PREFIX);
            case "timeout_config", "ivr_greeting" -> message(name, value);
            default -> {
            }
        }
    }

    private static void hmac(String value) {
        if (!Base64Check.valid(value) || !value.matches("[A-Za-z0-9+/]+=*")) {
            throw DailyErrors.invalid("hmac must be base64");
        }
        int bytes = Base64.getDecoder().decode(value).length;
        if (bytes < 1 || bytes > MAX_HMAC_BYTES) {
            throw DailyErrors.invalid("hmac must decode to 1 to " + MAX_HMAC_BYTES + " bytes");
        }
    }

    private static void url(String name, String value) {
        if (value.length() > MAX_URL || value.codePoints().anyMatch(c -> c <= ' ' || c == 0x7f
                || (c >= 0x80 && c <= 0x9f))) {
            throw DailyErrors.invalid(name + " must be a valid URL");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw DailyErrors.invalid(name + " must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DailyErrors.invalid(name + " must use http or https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            throw DailyErrors.invalid(name + " must have a host");
        }
    }

    private static void text(String name, String value, int max) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                throw DailyErrors.invalid(name + " must not contain control characters");
            }
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw DailyErrors.invalid(name + " must be at most " + max + " characters");
        }
    }

    private static void message(String name, JsonNode holder) {
        if (!holder.isObject()) {
            return;
        }
        JsonNode message = holder.get("message");
        if (message == null || message.isNull()) {
            return;
        }
        if (!message.isTextual()) {
            throw DailyErrors.invalid(name + ".message must be a string");
        }
        text(name + ".message", message.asText(), MAX_MESSAGE);
    }
}
