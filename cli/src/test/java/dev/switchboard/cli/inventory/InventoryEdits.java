package dev.switchboard.cli.inventory;

/** Text edits of the exported demo inventory (with {@code addEveryKind}) that touch most resource kinds. */
final class InventoryEdits {
    private InventoryEdits() {
    }

    static String apply(String exported, String secondHookUrl, String spareSignalWireNumber) {
        String yaml = exported;
        yaml = replace(yaml, "room_creation_api: https://example.com/dialin/support",
                "room_creation_api: https://example.com/dialin/support-v2");
        yaml = replace(yaml, "    - number: \"+14155550105\"\n      name: Source Spare\n",
                "    - number: \"+14155550105\"\n      name: Source Spare\n      release: true\n");
        yaml = replace(yaml, "    - type: pin\n      phone_number: \"+14155550105\"\n      name_prefix: spare-pin\n", "");
        yaml = yaml.replaceAll("(?m)^    - type: pinless\\n      sip_uri: [^\\n]+\\n      name_prefix: sip-bots\\n"
                + "      room_creation_api: [^\\n]+\\n      hmac:\\n        secret: [^\\n]+\\n", "");
        yaml = replace(yaml, "  verified_caller_ids:\n    - number: \"+12125550199\"\n      name: Head Office\n",
                "  verified_caller_ids:\n    - number: \"+12125550199\"\n      name: Head Office\n"
                        + "    - number: \"+13105550123\"\n      name: LA office\n");
        yaml = replace(yaml, "  webhooks:\n", "  webhooks:\n    - url: " + secondHookUrl + "\n      event_types:\n"
                + "        - dialin.connected\n");
        yaml = replace(yaml, "request_url: https://example.com/voice", "request_url: https://example.com/voice-v2");
        yaml = replace(yaml, "      numbers:\n        - \"+15035550101\"\n",
                "      numbers:\n        - \"+15035550101\"\n        - \"+15035550102\"\n"
                        + "    - name: Spare\n      sticky_sender: false\n      numbers:\n        - \"+18885550103\"\n");
        yaml = replace(yaml, "signalwire:\n  numbers:\n", "signalwire:\n  numbers:\n    - number: \"" + spareSignalWireNumber
                + "\"\n      name: Bought by inventory\n      e911_address: Demo HQ\n");
        return yaml;
    }

    private static String replace(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("the export no longer contains: " + from);
        }
        return text.replace(from, to);
    }
}
