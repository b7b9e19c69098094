package dev.switchboard.daily.inventory;

import dev.switchboard.core.inventory.InvalidInventoryException;
import dev.switchboard.core.inventory.SecretRef;
import dev.switchboard.core.inventory.SecretSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the {@code daily:} section the JSON Schema cannot state: unique keys, Daily's dial-in rules,
 * secrets that resolve, and no dial-in config on a number marked for release. Each failure names its path.
 */
final class DailyValidation {
    private DailyValidation() {
    }

    static void check(DailyInventory wanted, SecretSource secrets) {
        Set<String> releasing = new HashSet<>();
        unique(DailyViews.orEmpty(wanted.numbers()).stream().map(DailyInventory.Number::number).toList(), "daily.numbers", "number");
        DailyViews.orEmpty(wanted.numbers()).stream().filter(DailyInventory.Number::releaseRequested)
                .forEach(n -> releasing.add(n.number()));
        List<DailyInventory.Dialin> configs = DailyViews.orEmpty(wanted.dialinConfigs());
        unique(configs.stream().map(DailyValidation::dialinKey).toList(), "daily.dialin_configs", "config");
        for (int i = 0; i < configs.size(); i++) {
            DailyInventory.Dialin config = configs.get(i);
            String path = "daily.dialin_configs[" + i + "]";
            if (config.phoneNumber() == null && config.sipUri() == null && config.namePrefix() == null) {
                throw new InvalidInventoryException(path, "a SIP-only config needs a sip_uri or a name_prefix to be "
                        + "recognised on the next run");
            }
            if (config.phoneNumber() != null && releasing.contains(config.phoneNumber())) {
                throw new InvalidInventoryException(path, config.phoneNumber() + " is marked release: true; releasing "
                        + "deletes its dial-in config, so leave the config out");
            }
            resolves(config.hmac(), path + ".hmac", secrets);
            try {
                DailyViews.spec(config, secrets);
            } catch (IllegalArgumentException broken) {
                throw new InvalidInventoryException(path, broken.getMessage());
            }
        }
        if (wanted.legacyDialin() != null) {
            List<DailyInventory.LegacyPinless> pinless = DailyViews.orEmpty(wanted.legacyDialin().pinless());
            unique(pinless.stream().map(e -> DailyLegacy.key(e.phoneNumber(), e.namePrefix())).toList(),
                    "daily.legacy_dialin.pinless", "entry");
            for (int i = 0; i < pinless.size(); i++) {
                resolves(pinless.get(i).hmac(), "daily.legacy_dialin.pinless[" + i + "].hmac", secrets);
            }
            unique(DailyViews.orEmpty(wanted.legacyDialin().pin()).stream()
                    .map(e -> DailyLegacy.key(e.phoneNumber(), e.namePrefix())).toList(), "daily.legacy_dialin.pin", "entry");
        }
        unique(DailyViews.orEmpty(wanted.verifiedCallerIds()).stream().map(DailyInventory.CallerId::number).toList(),
                "daily.verified_caller_ids", "number");
        List<DailyInventory.Hook> hooks = DailyViews.orEmpty(wanted.webhooks());
        unique(hooks.stream().map(DailyInventory.Hook::url).toList(), "daily.webhooks", "url");
        for (int i = 0; i < hooks.size(); i++) {
            resolves(hooks.get(i).hmac(), "daily.webhooks[" + i + "].hmac", secrets);
            try {
                DailyViews.spec(hooks.get(i), secrets);
            } catch (IllegalArgumentException broken) {
                throw new InvalidInventoryException("daily.webhooks[" + i + "]", broken.getMessage());
            }
        }
    }

    /** How a config is named in addresses: its number, else {@code sip:<sip_uri or name_prefix>}. */
    static String dialinKey(DailyInventory.Dialin config) {
        if (config.phoneNumber() != null) {
            return "\"" + config.phoneNumber() + "\"";
        }
        return "\"sip:" + (config.sipUri() != null ? config.sipUri() : config.namePrefix()) + "\"";
    }

    private static void resolves(SecretRef ref, String path, SecretSource secrets) {
        if (ref != null && secrets.find(ref.secret()).isEmpty()) {
            throw new InvalidInventoryException(path, "secret " + ref.secret()
                    + " is neither in the secrets file nor in the environment");
        }
    }

    private static void unique(List<String> keys, String path, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                throw new InvalidInventoryException(path + "[" + i + "]", "the same " + what + " " + keys.get(i)
                        + " appears twice");
            }
        }
    }
}
