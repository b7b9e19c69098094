package dev.switchboard.daily.migration;

import dev.switchboard.daily.DailyClient;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code transfer verify}: for every planned entry, is the number on the target with a config equal to
 * the plan (apart from {@code sip_uri}), and gone from the source with no config left behind, legacy
 * arrays included? Reads only.
 */
public final class PlanVerifier {
    /** One entry's verdict; {@code problems} is empty when it is fully migrated. */
    public record Row(String key, String number, boolean ok, List<String> problems, String targetConfigId,
                      String targetSipUri) {
        public Row {
            problems = List.copyOf(problems);
        }
    }

    private PlanVerifier() {
    }

    /** Reads both domains (their request chains in parallel) and checks the plan against them. */
    public static List<Row> verify(TransferPlan plan, DailyClient source, DailyClient target) {
        InventoryReads.Both both = InventoryReads.both(source, target);
        return verify(plan, both.source(), both.target());
    }

    public static List<Row> verify(TransferPlan plan, DomainInventory source, DomainInventory target) {
        return plan.entryList().stream()
                .map(entry -> entry.isSipOnly() ? sipOnly(entry, source, target) : number(entry, source, target))
                .toList();
    }

    private static Row number(PlanEntry entry, DomainInventory source, DomainInventory target) {
        String number = entry.number();
        List<String> problems = new ArrayList<>();
        if (!target.owns(number)) {
            problems.add("the number is not on the target");
        }
        if (source.owns(number)) {
            problems.add("the number is still on the source");
        }
        source.configsFor(number).forEach(config -> problems.add("the source still has a " + config.describe()));
        String configId = null;
        String sipUri = null;
        List<ObservedConfig> onTarget = target.configsFor(number);
        if (entry.hasConfig()) {
            List<ObservedConfig> modern = onTarget.stream()
                    .filter(c -> c.kind() == SourceKind.DOMAIN_DIALIN_CONFIG).toList();
            if (modern.isEmpty()) {
                problems.add("the target has no dial-in config for the number");
            } else {
                configId = modern.get(0).configId();
                sipUri = modern.get(0).config().sipUri();
                addDifferences(entry.config(), modern.get(0), problems);
            }
            onTarget.stream().filter(c -> c.kind().isLegacy())
                    .forEach(c -> problems.add("the target also has a " + c.describe()));
        }
        return new Row(entry.key(), number, problems.isEmpty(), problems, configId, sipUri);
    }

    private static Row sipOnly(PlanEntry entry, DomainInventory source, DomainInventory target) {
        List<String> problems = new ArrayList<>();
        List<ObservedConfig> copies = target.sipOnlyMatching(entry.config());
        String configId = null;
        String sipUri = null;
        if (copies.isEmpty()) {
            problems.add("the target has no SIP-only config with this hmac");
        } else {
            if (copies.size() > 1) {
                problems.add("the target has " + copies.size() + " SIP-only configs with this hmac");
            }
            configId = copies.get(0).configId();
            sipUri = copies.get(0).config().sipUri();
            addDifferences(entry.config(), copies.get(0), problems);
        }
        source.sipOnlyMatching(entry.config())
                .forEach(config -> problems.add("the source still has a " + config.describe()));
        return new Row(entry.key(), null, problems.isEmpty(), problems, configId, sipUri);
    }

    private static void addDifferences(PlannedConfig planned, ObservedConfig live, List<String> problems) {
        List<String> fields = new ArrayList<>();
        PlannedConfig config = live.config();
        if (planned.type() != config.type()) {
            fields.add("type");
        }
        if (!planned.sameHmac(config.hmac())) {
            fields.add("hmac");
        }
        compare(fields, "room_creation_api", planned.type() == dev.switchboard.daily.DialinType.PINLESS_DIALIN
                ? planned.targetRoomApi() : null, config.roomCreationApi());
        compare(fields, "name_prefix", planned.namePrefix(), config.namePrefix());
        compare(fields, "hold_music_url", planned.holdMusicUrl(), config.holdMusicUrl());
        compare(fields, "timeout_config", planned.timeoutConfig(), config.timeoutConfig());
        compare(fields, "ivr_greeting", planned.ivrGreeting(), config.ivrGreeting());
        if (!fields.isEmpty()) {
            problems.add("the target config differs from the plan in " + String.join(", ", fields));
        }
    }

    private static void compare(List<String> fields, String name, Object planned, Object live) {
        if (!java.util.Objects.equals(planned, live)) {
            fields.add(name);
        }
    }
}
