package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.DailyApiUrl;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.PagingProgress;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.migration.MigrationClients;

import java.net.URI;

/** Builds the source and target clients from {@code DAILY_SOURCE_API_KEY}, {@code DAILY_TARGET_API_KEY}, {@code DAILY_API_URL}. */
final class DailyConnection {
    static final String SOURCE_KEY = "DAILY_SOURCE_API_KEY";
    static final String TARGET_KEY = "DAILY_TARGET_API_KEY";

    private DailyConnection() {
    }

    /** Clients capped at {@code maxRequestsPerSecond} per key (see {@link RateMixin}), tracing with --debug. */
    static MigrationClients clients(CliContext context, RetryPolicy retries, int maxRequestsPerSecond,
                                    DebugMixin debug) {
        return clients(context, retries, maxRequestsPerSecond, debug, null);
    }

    /** The same, telling {@code paging} (when not null) of every page either client reads. */
    static MigrationClients clients(CliContext context, RetryPolicy retries, int maxRequestsPerSecond,
                                    DebugMixin debug, PagingProgress paging) {
        Env env = context.settings();
        Secret source = env.requireSecret(SOURCE_KEY, "the API key of the domain the numbers move from "
                + "(for Daily Bots: bots.daily.co/dashboard/secrets)");
        Secret target = env.requireSecret(TARGET_KEY, "the API key of the domain the numbers move to "
                + "(for Pipecat Cloud: Settings > Daily (WebRTC))");
        DailyClientOptions options = DailyClientOptions.defaults().withRateBudgets(context.rateBudgets())
                .withRetryPolicy(retries)
                .withMaxRequestsPerSecond(maxRequestsPerSecond).withDebugSink(debug.sink());
        URI base = baseUri(env);
        DailyClientOptions sourceOptions = paging == null ? options : options.withPageListener(paging.listener("source"));
        DailyClientOptions targetOptions = paging == null ? options : options.withPageListener(paging.listener("target"));
        return new MigrationClients(new DailyClient(base, source, sourceOptions), source,
                new DailyClient(base, target, targetOptions), target);
    }

    static DailyClient target(CliContext context, RetryPolicy retries, DebugMixin debug) {
        Env env = context.settings();
        Secret target = env.requireSecret(TARGET_KEY, "the API key of the domain the numbers moved to");
        return new DailyClient(baseUri(env), target, DailyClientOptions.defaults()
                .withRateBudgets(context.rateBudgets()).withRetryPolicy(retries).withDebugSink(debug.sink()));
    }

    static URI baseUri(Env env) {
        return DailyApiUrl.from(env);
    }
}
