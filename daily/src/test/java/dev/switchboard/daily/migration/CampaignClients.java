package dev.switchboard.daily.migration;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;

import java.net.URI;
import java.time.Duration;

/**
 * Clients for the campaigns: both keys against one emulator, no client-side rate limit (the emulator's is
 * off too), millisecond retry delays, and a short request timeout so that held requests time out quickly.
 */
final class CampaignClients {
    /** Retries with millisecond waits: the HTTP layer's for idempotent calls, the engine's for transfers. */
    static RetryPolicy fastRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(2), 2.0, Duration.ofMillis(20), Duration.ofMillis(50));
    }

    private CampaignClients() {
    }

    static MigrationClients create(URI dailyBaseUri, String sourceKey, String targetKey, Duration requestTimeout,
                                   RetryPolicy retries) {
        RateBudgetRegistry budgets = new RateBudgetRegistry(Ticker.system(), Sleeper.system());
        DailyClientOptions options = DailyClientOptions.defaults()
                .withRetryPolicy(retries)
                .withRateBudgets(budgets)
                .withTimeouts(Duration.ofSeconds(2), requestTimeout);
        Secret source = Secret.of(sourceKey);
        Secret target = Secret.of(targetKey);
        budgets.budgetFor("daily", source.fingerprint(), RateLimits.unlimited());
        budgets.budgetFor("daily", target.fingerprint(), RateLimits.unlimited());
        return new MigrationClients(new DailyClient(dailyBaseUri, source, options), source,
                new DailyClient(dailyBaseUri, target, options), target);
    }
}
