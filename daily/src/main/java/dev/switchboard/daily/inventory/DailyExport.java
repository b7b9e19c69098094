package dev.switchboard.daily.inventory;

import dev.switchboard.core.http.Secret;
import dev.switchboard.core.inventory.SecretNames;
import dev.switchboard.core.inventory.SecretRef;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.LegacyPinlessEntry;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.Webhook;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A domain's live state as the {@code daily:} section of an inventory file, in a stable order (numbers,
 * configs and caller ids by number, SIP-only configs after numbered ones by SIP URI, webhooks by URL), with
 * every hmac moved to {@code secrets} under a name derived from what it belongs to.
 */
public final class DailyExport {
    private DailyExport() {
    }

    public static DailyInventory export(DailyLive live, SecretNames secrets) {
        List<DailyInventory.Number> numbers = live.numbers().stream()
                .sorted(Comparator.comparing(PurchasedNumber::number))
                .map(n -> new DailyInventory.Number(n.number(), n.name(), null)).toList();
        List<DailyInventory.Dialin> configs = live.dialinConfigs().stream()
                .sorted(Comparator.comparing(DialinConfig::phoneNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> Objects.toString(c.sipUri(), ""))
                        .thenComparing(c -> Objects.toString(c.namePrefix(), "")))
                .map(c -> DailyViews.entry(c, name(secrets, "DIALIN", c.phoneNumber(), c.namePrefix(), c.hmac()))).toList();
        List<DailyInventory.LegacyPinless> pinless = live.domain().config().pinlessDialin().stream()
                .sorted(Comparator.comparing((LegacyPinlessEntry e) -> DailyLegacy.key(e.phoneNumber(), e.namePrefix())))
                .map(e -> DailyViews.entry(e, name(secrets, "LEGACY_DIALIN", e.phoneNumber(), e.namePrefix(), e.hmac())))
                .toList();
        List<DailyInventory.LegacyPin> pin = live.domain().config().pinDialin().stream()
                .sorted(Comparator.comparing(e -> DailyLegacy.key(e.phoneNumber(), e.namePrefix())))
                .map(DailyViews::entry).toList();
        List<DailyInventory.CallerId> callerIds = live.callerIds().stream()
                .sorted(Comparator.comparing(c -> c.number()))
                .map(c -> new DailyInventory.CallerId(c.number(), c.name())).toList();
        List<DailyInventory.Hook> hooks = live.webhooks().stream().sorted(Comparator.comparing(Webhook::url))
                .map(w -> DailyViews.entry(w, w.hmac() == null ? null
                        : secrets.add(SecretNames.from("WEBHOOK", w.url()), w.hmac()))).toList();
        return new DailyInventory(numbers, configs, new DailyInventory.Legacy(pinless, pin), callerIds, hooks);
    }

    private static SecretRef name(SecretNames secrets, String prefix, String number, String namePrefix, Secret hmac) {
        if (hmac == null) {
            return null;
        }
        return secrets.add(number != null ? SecretNames.from(prefix, number) : SecretNames.from(prefix + "_SIP",
                Objects.toString(namePrefix, "")), hmac);
    }
}
