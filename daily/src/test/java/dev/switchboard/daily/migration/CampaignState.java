package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * A seeded source domain with a realistic mix of entries for the fault and crash campaigns: modern
 * pinless and pin configs, legacy pinless and pin entries, numbers whose modern config overrides a legacy
 * duplicate, numbers without a config, and modern and legacy SIP-only configs, plus an orphaned legacy
 * entry and a verified caller ID that must survive every legacy rewrite untouched. The target owns one
 * unrelated number.
 */
record CampaignState(String json, Map<Kind, Integer> counts) {
    static final String SOURCE_KEY = "source-key";
    static final String TARGET_KEY = "target-key";
    static final String ROOM_API_REPLACEMENT = "https://agents.example.com/dialin";

    /** The kinds of entry, with their share of the mix in percent. */
    enum Kind {
        MODERN_PINLESS(28), MODERN_PIN(12), LEGACY_PINLESS(15), LEGACY_PIN(10), SHADOWED(5), NO_CONFIG(15),
        SIP_ONLY_MODERN(10), SIP_ONLY_LEGACY(5);

        final int percent;

        Kind(int percent) {
            this.percent = percent;
        }

        static Kind draw(Random random) {
            int roll = random.nextInt(100);
            for (Kind kind : values()) {
                roll -= kind.percent;
                if (roll < 0) {
                    return kind;
                }
            }
            throw new IllegalStateException("the shares do not add up to 100");
        }
    }

    /** {@code entries} plan entries (numbers and SIP-only configs), drawn from {@code seed}. */
    static CampaignState generate(long seed, int entries) {
        Random random = new Random(seed);
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("clock", MigrationFixture.NOW.toString());
        ArrayNode domains = root.putObject("daily").putArray("domains");
        ObjectNode source = domains.addObject().put("domain_name", "source")
                .put("domain_id", "11111111-1111-4111-8111-111111111111");
        source.putArray("api_keys").add(SOURCE_KEY);
        ArrayNode legacyPinless = source.putObject("config").putArray("pinless_dialin");
        ArrayNode legacyPin = ((ObjectNode) source.get("config")).putArray("pin_dialin");
        ArrayNode numbers = source.putArray("phone_numbers");
        ArrayNode configs = source.putArray("dialin_configs");
        source.putArray("verified_caller_ids").addObject().put("number", "+12125550199").put("name", "Head Office");
        legacyPinless.add(pinless(null, "+14155559999", "orphan", seed, random));

        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (int i = 0; i < entries; i++) {
            Kind kind = Kind.draw(random);
            counts.merge(kind, 1, Integer::sum);
            String number = String.format("+1415555%04d", 1000 + i);
            String name = "e" + i;
            switch (kind) {
                case MODERN_PINLESS -> configs.add(modern("pinless_dialin", pinless(number, null, name, seed, random)));
                case MODERN_PIN -> configs.add(modern("pin_dialin", pin(number, name, random)));
                case LEGACY_PINLESS -> legacyPinless.add(pinless(number, null, name, seed, random));
                case LEGACY_PIN -> legacyPin.add(pin(number, name, random));
                case SHADOWED -> {
                    configs.add(modern("pinless_dialin", pinless(number, null, name, seed, random)));
                    legacyPinless.add(pinless(number, null, name + "-old", seed, random));
                }
                case NO_CONFIG -> { }
                case SIP_ONLY_MODERN -> configs.add(modern("pinless_dialin", pinless(null, null, name, seed, random)));
                case SIP_ONLY_LEGACY -> legacyPinless.add(pinless(null, null, name, seed, random));
            }
            if (kind != Kind.SIP_ONLY_MODERN && kind != Kind.SIP_ONLY_LEGACY) {
                numbers.addObject().put("number", number).put("name", "Line " + i);
            }
        }
        ObjectNode target = domains.addObject().put("domain_name", "target")
                .put("domain_id", "22222222-2222-4222-8222-222222222222");
        target.putArray("api_keys").add(TARGET_KEY);
        target.putArray("phone_numbers").addObject().put("number", "+16175550201").put("name", "Target main");
        return new CampaignState(root.toString(), Map.copyOf(counts));
    }

    private static ObjectNode modern(String type, ObjectNode config) {
        ObjectNode node = Json.mapper().createObjectNode().put("type", type);
        node.set("config", config);
        return node;
    }

    private static ObjectNode pinless(String number, String orphanNumber, String name, long seed, Random random) {
        ObjectNode config = Json.mapper().createObjectNode();
        if (number != null || orphanNumber != null) {
            config.put("phone_number", number != null ? number : orphanNumber);
        }
        boolean placeholder = random.nextInt(20) == 0;
        config.put("room_creation_api", placeholder ? PlannedConfig.DAILYBOTS : "https://hooks.example.com/" + name);
        config.put("name_prefix", name);
        config.put("hmac", Base64.getEncoder().encodeToString(("hmac-" + seed + "-" + name)
                .getBytes(StandardCharsets.UTF_8)));
        if (random.nextBoolean()) {
            config.putObject("timeout_config").put("message", "busy " + name);
        }
        if (random.nextInt(4) == 0) {
            config.put("hold_music_url", "https://hooks.example.com/hold-" + name + ".mp3");
        }
        return config;
    }

    private static ObjectNode pin(String number, String name, Random random) {
        ObjectNode config = Json.mapper().createObjectNode().put("phone_number", number).put("name_prefix", name);
        if (random.nextBoolean()) {
            config.putObject("ivr_greeting").put("message", "code for " + name + "?");
        }
        return config;
    }
}
