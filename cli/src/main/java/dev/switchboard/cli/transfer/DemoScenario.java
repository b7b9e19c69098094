package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The demo's emulator state: a Daily Bots-like source domain with dozens of numbers and every kind of
 * config (modern pinless and pin, legacy pinless and pin, SIP-only in both places, a modern config
 * overriding a legacy entry, the {@code dailybots} placeholder, numbers without config, an orphaned legacy
 * entry, a verified caller ID), and an empty target domain. Deterministic: built from fixed values.
 */
public final class DemoScenario {
    public static final String SOURCE_KEY = "demo-source-key";
    public static final String TARGET_KEY = "demo-target-key";
    public static final String NEW_WEBHOOK = "https://agents.example.com/pipecat/dialin";
    static final int MODERN_PINLESS = 22;
    static final int MODERN_PIN = 5;
    static final int LEGACY_PINLESS = 4;
    static final int LEGACY_PIN = 2;
    static final int WITHOUT_CONFIG = 3;

    private DemoScenario() {
    }

    /** The emulator state document (docs/emulator.md, "State document"). */
    static String state() {
        return state(MODERN_PINLESS);
    }

    /**
     * The same source with {@code modernPinless} plain modern pinless configs instead of the demo's 22
     * ({@code bench}'s "small" scenario: 24, so 26 modern pinless with the placeholder and the shadowing one,
     * 40 numbers, 42 plan entries with the two SIP-only configs).
     */
    public static String state(int modernPinless) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode source = json.objectNode().put("domain_name", "acme-bots")
                .put("domain_id", "0b5e6f0c-8d1a-4c39-9d7e-5a1d2c3b4a01");
        source.putArray("api_keys").add(SOURCE_KEY);
        ArrayNode numbers = source.putArray("phone_numbers");
        ArrayNode configs = source.putArray("dialin_configs");
        ObjectNode config = source.putObject("config");
        ArrayNode legacyPinless = config.putArray("pinless_dialin");
        ArrayNode legacyPin = config.putArray("pin_dialin");
        int line = 0;
        for (int i = 0; i < modernPinless; i++) {
            String number = number(++line);
            numbers.add(numberEntry(number, "Agent line " + line));
            ObjectNode fields = pinless(number, "agent-" + line, "https://bots.acme.example/dialin/" + line, line);
            if (i % 3 == 0) {
                fields.putObject("timeout_config").put("message", "All agents are busy, please call back later");
            }
            if (i % 4 == 0) {
                fields.put("hold_music_url", "https://bots.acme.example/hold.mp3");
            }
            configs.add(json.objectNode().put("type", "pinless_dialin").set("config", fields));
        }
        for (int i = 0; i < MODERN_PIN; i++) {
            String number = number(++line);
            numbers.add(numberEntry(number, "Conference " + line));
            ObjectNode fields = json.objectNode().put("phone_number", number).put("name_prefix", "conf-" + line);
            fields.putObject("ivr_greeting").put("message", "Please enter your meeting code");
            configs.add(json.objectNode().put("type", "pin_dialin").set("config", fields));
        }
        for (int i = 0; i < LEGACY_PINLESS; i++) {
            String number = number(++line);
            numbers.add(numberEntry(number, "Legacy line " + line));
            legacyPinless.add(pinless(number, "legacy-" + line, "https://bots.acme.example/legacy/" + line, line));
        }
        for (int i = 0; i < LEGACY_PIN; i++) {
            String number = number(++line);
            numbers.add(numberEntry(number, "Legacy conference " + line));
            legacyPin.add(json.objectNode().put("phone_number", number).put("name_prefix", "legacy-conf-" + line));
        }
        for (int i = 0; i < WITHOUT_CONFIG; i++) {
            numbers.add(numberEntry(number(++line), "Outbound " + line));
        }
        String placeholder = number(++line);
        numbers.add(numberEntry(placeholder, "Daily Bots line"));
        configs.add(json.objectNode().put("type", "pinless_dialin")
                .set("config", pinless(placeholder, "bots", "dailybots", line)));
        String shadowed = number(++line);
        numbers.add(numberEntry(shadowed, "Support"));
        configs.add(json.objectNode().put("type", "pinless_dialin")
                .set("config", pinless(shadowed, "support", "https://bots.acme.example/support", line)));
        legacyPinless.add(pinless(shadowed, "support-old", "https://bots.acme.example/support-old", 900));
        ObjectNode sipModern = pinless(null, "pbx-trunk", "https://bots.acme.example/sip", 901);
        configs.add(json.objectNode().put("type", "pinless_dialin").set("config", sipModern));
        legacyPinless.add(pinless(null, "old-pbx", "https://bots.acme.example/sip-old", 902));
        legacyPinless.add(pinless("+14155550999", "released", "https://bots.acme.example/released", 903));
        source.putArray("verified_caller_ids").addObject().put("number", "+12125550100").put("name", "Head office");

        ObjectNode target = json.objectNode().put("domain_name", "acme-pipecat")
                .put("domain_id", "0b5e6f0c-8d1a-4c39-9d7e-5a1d2c3b4a02");
        target.putArray("api_keys").add(TARGET_KEY);

        ObjectNode root = json.objectNode().put("clock", "2026-03-01T12:00:00Z");
        root.putObject("daily").putArray("domains").add(source).add(target);
        return root.toString();
    }

    /** How many numbers the source has (the ones planned for transfer). */
    static int numberCount() {
        return numberCount(MODERN_PINLESS);
    }

    /** How many numbers {@link #state(int)} gives the source. */
    public static int numberCount(int modernPinless) {
        return modernPinless + MODERN_PIN + LEGACY_PINLESS + LEGACY_PIN + WITHOUT_CONFIG + 2;
    }

    private static String number(int line) {
        return String.format("+1415555%04d", 1000 + line);
    }

    private static ObjectNode numberEntry(String number, String name) {
        return JsonNodeFactory.instance.objectNode().put("number", number).put("name", name)
                .put("created_date", "2025-06-01T10:00:00.000Z");
    }

    private static ObjectNode pinless(String number, String prefix, String webhook, int seed) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        if (number != null) {
            fields.put("phone_number", number);
        }
        String hmac = Base64.getEncoder().encodeToString(("demo-webhook-secret-" + seed)
                .getBytes(StandardCharsets.UTF_8));
        return fields.put("name_prefix", prefix).put("room_creation_api", webhook).put("hmac", hmac);
    }
}
