package dev.switchboard.daily.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.InvalidInventoryException;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.daily.DomainConfig;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.LegacyPinlessEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The deprecated domain-level arrays: entries are matched by phone number (a SIP-only pinless entry by its
 * name prefix); the arrays are replaced as a whole, with fields the file leaves out (and fields this tool does
 * not know) kept from the live entry.
 */
final class DailyLegacy {
    private DailyLegacy() {
    }

    record Merged(List<LegacyPinlessEntry> pinless, List<LegacyPinEntry> pin) {
    }

    /** One change line per entry added ({@code +}), changed ({@code ~}) or removed ({@code -}). */
    static List<FieldChange> changes(DailyInventory.Legacy wanted, DomainConfig live, SecretSource secrets) {
        List<FieldChange> changes = new ArrayList<>();
        Map<String, LegacyPinlessEntry> livePinless = byKey(live.pinlessDialin());
        for (DailyInventory.LegacyPinless entry : DailyViews.orEmpty(wanted.pinless())) {
            String key = key(entry.phoneNumber(), entry.namePrefix());
            LegacyPinlessEntry match = livePinless.remove(key);
            ObjectNode desired = DailyViews.desired(entry);
            if (match == null) {
                changes.add(new FieldChange("pinless[" + key + "]", null, desired.toString()));
            } else {
                ObjectNode was = DailyViews.live(DailyViews.entry(match, null), match.hmac(), entry.hmac(), secrets);
                FieldChange.between(was, desired, true).forEach(c -> changes.add(
                        new FieldChange("pinless[" + key + "]." + c.field(), c.before(), c.after())));
            }
        }
        livePinless.forEach((key, entry) -> changes.add(new FieldChange("pinless[" + key + "]",
                DailyViews.desired(DailyViews.entry(entry, null)).toString(), null)));
        Map<String, LegacyPinEntry> livePin = new LinkedHashMap<>();
        live.pinDialin().forEach(e -> livePin.put(key(e.phoneNumber(), e.namePrefix()), e));
        for (DailyInventory.LegacyPin entry : DailyViews.orEmpty(wanted.pin())) {
            String key = key(entry.phoneNumber(), entry.namePrefix());
            LegacyPinEntry match = livePin.remove(key);
            ObjectNode desired = DailyViews.desired(entry);
            if (match == null) {
                changes.add(new FieldChange("pin[" + key + "]", null, desired.toString()));
            } else {
                FieldChange.between(DailyViews.desired(DailyViews.entry(match)), desired, true).forEach(c -> changes.add(
                        new FieldChange("pin[" + key + "]." + c.field(), c.before(), c.after())));
            }
        }
        livePin.forEach((key, entry) -> changes.add(new FieldChange("pin[" + key + "]",
                DailyViews.desired(DailyViews.entry(entry)).toString(), null)));
        return List.copyOf(changes);
    }

    /** The arrays to send: the file's entries, completed from the live ones they match. */
    static Merged merge(DailyInventory.Legacy wanted, DomainConfig live, SecretSource secrets) {
        Map<String, LegacyPinlessEntry> livePinless = byKey(live.pinlessDialin());
        List<LegacyPinlessEntry> pinless = new ArrayList<>();
        for (DailyInventory.LegacyPinless entry : DailyViews.orEmpty(wanted.pinless())) {
            String key = key(entry.phoneNumber(), entry.namePrefix());
            LegacyPinlessEntry match = livePinless.get(key);
            Secret hmac = entry.hmac() != null ? secrets.require(entry.hmac()) : match == null ? null : match.hmac();
            if (hmac == null) {
                throw new InvalidInventoryException("daily.legacy_dialin.pinless[" + key + "].hmac",
                        "a new legacy pinless entry needs an hmac");
            }
            pinless.add(new LegacyPinlessEntry(entry.phoneNumber(), match == null ? null : match.sipUri(), hmac,
                    pick(entry.roomCreationApi(), match == null ? null : match.roomCreationApi()),
                    pick(entry.namePrefix(), match == null ? null : match.namePrefix()),
                    pick(entry.holdMusicUrl(), match == null ? null : match.holdMusicUrl()),
                    entry.timeoutConfig() != null ? entry.timeoutConfig() : match == null ? null : match.timeoutConfig(),
                    match == null ? null : match.extra()));
        }
        Map<String, LegacyPinEntry> livePin = new LinkedHashMap<>();
        live.pinDialin().forEach(e -> livePin.put(key(e.phoneNumber(), e.namePrefix()), e));
        List<LegacyPinEntry> pin = new ArrayList<>();
        for (DailyInventory.LegacyPin entry : DailyViews.orEmpty(wanted.pin())) {
            LegacyPinEntry match = livePin.get(key(entry.phoneNumber(), entry.namePrefix()));
            pin.add(new LegacyPinEntry(entry.phoneNumber(), pick(entry.namePrefix(), match == null ? null : match.namePrefix()),
                    entry.ivrGreeting() != null ? entry.ivrGreeting() : match == null ? null : match.ivrGreeting(),
                    match == null ? null : match.extra()));
        }
        return new Merged(pinless, pin);
    }

    static String key(String phoneNumber, String namePrefix) {
        return phoneNumber != null ? phoneNumber : "sip:" + Objects.toString(namePrefix, "");
    }

    private static Map<String, LegacyPinlessEntry> byKey(List<LegacyPinlessEntry> entries) {
        Map<String, LegacyPinlessEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(key(e.phoneNumber(), e.namePrefix()), e));
        return map;
    }

    private static String pick(String wanted, String live) {
        return wanted != null ? wanted : live;
    }
}
