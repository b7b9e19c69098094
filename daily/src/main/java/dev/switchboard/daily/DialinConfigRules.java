package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules Daily applies to a dial-in config (modern {@code /domain-dialin-config} and the legacy domain
 * arrays), checked before anything is sent so that a config the target would refuse is never half-moved.
 * The plan reader, {@link DialinConfigSpec}, {@link DialinConfigPatch} and the {@code daily dialin} commands
 * all use this one class. The emulator keeps its own copy of the rules (it shares no code with clients).
 *
 * <ul>
 *   <li>{@code phone_number}: E.164 exactly as sent ({@code +} and 7 to 15 digits, no spaces).</li>
 *   <li>{@code hmac}: standard base64 of 1 to {@value #MAX_HMAC_BYTES} bytes.</li>
 *   <li>{@code room_creation_api}, {@code hold_music_url}: an {@code http} or {@code https} URL with a host,
 *       at most {@value #MAX_URL_LENGTH} characters; {@code room_creation_api} may also be {@code dailybots},
 *       Daily Bots' managed webhook.</li>
 *   <li>{@code name_prefix}: at most {@value #MAX_NAME_PREFIX_LENGTH} characters; {@code message} of
 *       {@code timeout_config} and {@code ivr_greeting}: a string of at most {@value #MAX_MESSAGE_LENGTH}.</li>
 *   <li>No control characters in any text field (they end up in room names, logs and speech).</li>
 *   <li>hmac, room_creation_api and hold_music_url are pinless only; ivr_greeting is pin only; a pin config
 *       needs a phone number.</li>
 * </ul>
 */
public final class DialinConfigRules {
    public static final int MAX_HMAC_BYTES = 256;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_NAME_PREFIX_LENGTH = 128;
    public static final int MAX_MESSAGE_LENGTH = 1000;
    /** Daily Bots' placeholder webhook, which Daily stores and accepts back. */
    public static final String DAILYBOTS = "dailybots";

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
            + "|\\[[0-9A-Fa-f:.]+\\]");

    /** One broken rule: the wire name of the field and what is wrong with it. */
    public record Violation(String field, String problem) {
        @Override
        public String toString() {
            return field + " " + problem;
        }
    }

    /** The fields of a config as they would be sent; null means absent. */
    public record Fields(String phoneNumber, String namePrefix, String hmac, String roomCreationApi,
                         String holdMusicUrl, JsonNode timeoutConfig, JsonNode ivrGreeting) {
    }

    private DialinConfigRules() {
    }

    /** Every rule a whole config of {@code type} must meet (a create, a legacy array entry). */
    public static List<Violation> forConfig(DialinType type, Fields fields) {
        List<Violation> found = new ArrayList<>();
        if (type == DialinType.PIN_DIALIN) {
            if (fields.phoneNumber() == null) {
                found.add(new Violation("phone_number", "is required: a pin_dialin config needs a phone number"));
            }
            pinlessOnly(fields, found);
        } else if (fields.ivrGreeting() != null) {
            found.add(new Violation("ivr_greeting", "applies to pin_dialin only"));
        }
        found.addAll(forFields(fields));
        return found;
    }

    /** The rules for a partial update of a config of {@code type} (null when unknown: field rules only). */
    public static List<Violation> forUpdate(DialinType type, Fields fields) {
        List<Violation> found = new ArrayList<>();
        if (type == DialinType.PIN_DIALIN) {
            pinlessOnly(fields, found);
        } else if (type == DialinType.PINLESS_DIALIN && fields.ivrGreeting() != null) {
            found.add(new Violation("ivr_greeting", "applies to pin_dialin only"));
        }
        found.addAll(forFields(fields));
        return found;
    }

    /** The rules of each field on its own. */
    public static List<Violation> forFields(Fields fields) {
        List<Violation> found = new ArrayList<>();
        add(found, "phone_number", phoneNumberProblem(fields.phoneNumber()));
        add(found, "name_prefix", textProblem(fields.namePrefix(), MAX_NAME_PREFIX_LENGTH));
        add(found, "hmac", hmacProblem(fields.hmac()));
        add(found, "room_creation_api", DAILYBOTS.equals(fields.roomCreationApi()) ? null
                : urlProblem(fields.roomCreationApi()));
        add(found, "hold_music_url", urlProblem(fields.holdMusicUrl()));
        add(found, "timeout_config", messageProblem(fields.timeoutConfig()));
        add(found, "ivr_greeting", messageProblem(fields.ivrGreeting()));
        return found;
    }

    /** What is wrong with an E.164 number as sent, or null. */
    public static String phoneNumberProblem(String number) {
        if (number == null) {
            return null;
        }
        return E164.matcher(number).matches() ? null
                : "'" + printable(number) + "' is not an E.164 number such as +14155550101 (a plus, then 7 to 15 digits)";
    }

    /** What is wrong with an hmac secret, or null. Never quotes the value. */
    public static String hmacProblem(String hmac) {
        if (hmac == null) {
            return null;
        }
        if (hmac.isEmpty() || !BASE64.matcher(hmac).matches()) {
            return "is not base64 (letters, digits, + and /, padded with =)";
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(hmac);
        } catch (IllegalArgumentException e) {
            return "is not base64 (its length or padding is wrong)";
        }
        if (decoded.length == 0 || decoded.length > MAX_HMAC_BYTES) {
            return "decodes to " + decoded.length + " bytes; Daily takes 1 to " + MAX_HMAC_BYTES;
        }
        return null;
    }

    /** What is wrong with a webhook or media URL, or null. */
    public static String urlProblem(String url) {
        if (url == null) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            return "is " + url.length() + " characters long; at most " + MAX_URL_LENGTH;
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "contains spaces or control characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "'" + printable(url) + "' is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "'" + printable(url) + "' must be an http or https URL";
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null || !HOST.matcher(uri.getHost()).matches()) {
            return "'" + printable(url) + "' has no valid host";
        }
        return null;
    }

    /** What is wrong with a one-line text (no control characters, at most {@code max} characters), or null. */
    public static String textProblem(String text, int max) {
        if (text == null) {
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return "contains a control character (such as a tab, newline or escape)";
        }
        if (text.codePointCount(0, text.length()) > max) {
            return "is " + text.codePointCount(0, text.length()) + " characters long; at most " + max;
        }
        return null;
    }

    private static String messageProblem(JsonNode holder) {
        if (holder == null || holder.isNull()) {
            return null;
        }
        if (!holder.isObject()) {
            return "must be a JSON object such as {\"message\": \"...\"}";
        }
        JsonNode message = holder.get("message");
        if (message == null || message.isNull()) {
            return null;
        }
        if (!message.isTextual()) {
            return "message must be a string";
        }
        String problem = textProblem(message.asText(), MAX_MESSAGE_LENGTH);
        return problem == null ? null : "message " + problem;
    }

    private static void pinlessOnly(Fields fields, List<Violation> found) {
        if (fields.hmac() != null || fields.roomCreationApi() != null || fields.holdMusicUrl() != null) {
            found.add(new Violation("hmac, room_creation_api and hold_music_url", "apply to pinless_dialin only"));
        }
    }

    private static void add(List<Violation> found, String field, String problem) {
        if (problem != null) {
            found.add(new Violation(field, problem));
        }
    }

    /** The value as it can be shown on one line: control characters escaped, long values cut. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "…" : out.toString();
    }
}
