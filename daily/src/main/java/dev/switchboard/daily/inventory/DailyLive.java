package dev.switchboard.daily.inventory;

import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.daily.VerifiedCallerId;
import dev.switchboard.daily.Webhook;

import java.util.List;

/** What a Daily domain holds now, read (all pages) for export, plan and drift. */
public record DailyLive(Domain domain, List<PurchasedNumber> numbers, List<DialinConfig> dialinConfigs,
                        List<VerifiedCallerId> callerIds, List<Webhook> webhooks) {
    public DailyLive {
        numbers = List.copyOf(numbers);
        dialinConfigs = List.copyOf(dialinConfigs);
        callerIds = List.copyOf(callerIds);
        webhooks = List.copyOf(webhooks);
    }

    /** Reads every resource kind the inventory covers; numbers already released are left out. */
    public static DailyLive read(DailyClient client) {
        Domain domain = client.domain();
        List<PurchasedNumber> numbers = client.purchasedNumbers(PurchasedNumberFilter.all()).stream()
                .filter(n -> n.hasId() && !n.isDeleted()).toList();
        return new DailyLive(domain, numbers, client.dialinConfigs(DialinConfigFilter.all()),
                client.verifiedCallerIds(), client.webhooks().list());
    }
}
