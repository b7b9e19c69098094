package dev.switchboard.daily.inventory;

import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.Webhook;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which live resource a file entry stands for, and how they differ. */
final class DailyMatching {
    private DailyMatching() {
    }

    /**
     * The live config {@code wanted} stands for, among those not {@code taken}: by phone number; a SIP-only one
     * by its {@code sip_uri}, else by its {@code name_prefix}.
     */
    static Optional<DialinConfig> dialin(DailyInventory.Dialin wanted, List<DialinConfig> live,
                                         Collection<String> taken) {
        return live.stream().filter(config -> !taken.contains(config.id())).filter(config -> {
            if (wanted.phoneNumber() != null) {
                return wanted.phoneNumber().equals(config.phoneNumber());
            }
            if (config.phoneNumber() != null) {
                return false;
            }
            return wanted.sipUri() != null ? wanted.sipUri().equals(config.sipUri())
                    : Objects.equals(wanted.namePrefix(), config.namePrefix());
        }).findFirst();
    }

    static List<FieldChange> dialinChanges(DailyInventory.Dialin wanted, DialinConfig live, SecretSource secrets) {
        return FieldChange.between(DailyViews.live(DailyViews.entry(live, null), live.hmac(), wanted.hmac(), secrets),
                DailyViews.desired(wanted), true);
    }

    static List<FieldChange> webhookChanges(DailyInventory.Hook wanted, Webhook live, SecretSource secrets) {
        return FieldChange.between(DailyViews.live(DailyViews.entry(live, null), live.hmac(), wanted.hmac(), secrets),
                DailyViews.desired(sorted(wanted)), true);
    }

    /** {@code wanted} with what it leaves out taken from {@code live} (a webhook update sends every field). */
    static DailyInventory.Hook filled(DailyInventory.Hook wanted, Webhook live) {
        return new DailyInventory.Hook(wanted.url(), wanted.eventTypes() != null ? wanted.eventTypes() : live.eventTypes(),
                wanted.retryType() != null ? wanted.retryType() : live.retryType(), wanted.hmac());
    }

    static DailyInventory.Hook sorted(DailyInventory.Hook hook) {
        return hook.eventTypes() == null ? hook : new DailyInventory.Hook(hook.url(),
                hook.eventTypes().stream().sorted().toList(), hook.retryType(), hook.hmac());
    }
}
